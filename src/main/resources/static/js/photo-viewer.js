// Veche: the full-screen photo viewer of an article page. Without JavaScript every photo link opens the photo's
// own page (/articles/{slug}/photos/{n}); with it, the same links open this viewer over the page, at the same
// address (history), with arrows, Escape, swipe, caption and credit. No library, nothing fetched from elsewhere.
(function () {
  'use strict';

  var story = document.querySelector('article.story[data-viewer-close]');
  if (!story) { return; }
  var links = Array.prototype.slice.call(story.querySelectorAll('a.photo-link'));
  if (links.length === 0) { return; }
  var texts = story.dataset;

  var viewer, stage, caption, position, prev, next, close;
  var current = -1;
  var opener = null;
  var pushed = false;

  function button(cls, label, symbol) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = cls;
    b.setAttribute('aria-label', label);
    b.title = label;
    b.textContent = symbol;
    return b;
  }

  function build() {
    viewer = document.createElement('div');
    viewer.className = 'viewer';
    viewer.hidden = true;
    viewer.setAttribute('role', 'dialog');
    viewer.setAttribute('aria-modal', 'true');
    viewer.setAttribute('aria-label', texts.viewerLabel);
    stage = document.createElement('div');
    stage.className = 'viewer-stage';
    caption = document.createElement('p');
    caption.className = 'viewer-caption';
    caption.setAttribute('aria-live', 'polite');
    close = button('viewer-close', texts.viewerClose, '\u2715');
    prev = button('viewer-prev', texts.viewerPrevious, '\u2039');
    next = button('viewer-next', texts.viewerNext, '\u203a');
    viewer.append(stage, caption, close, prev, next);
    document.body.appendChild(viewer);

    close.addEventListener('click', function () { hide(true); });
    prev.addEventListener('click', function () { show(current - 1); });
    next.addEventListener('click', function () { show(current + 1); });
    // a click on the dark around the photo closes, as in most viewers
    stage.addEventListener('click', function (e) { if (e.target === stage) { hide(true); } });
    swipe(stage);
  }

  function onKey(e) {
    if (e.key === 'Escape') { e.preventDefault(); hide(true); }
    else if (e.key === 'ArrowLeft') { e.preventDefault(); show(current - 1); }
    else if (e.key === 'ArrowRight') { e.preventDefault(); show(current + 1); }
    else if (e.key === 'Tab') {
      // keep the focus inside the dialog
      var buttons = [close, prev, next].filter(function (b) { return !b.disabled; });
      var at = buttons.indexOf(document.activeElement);
      e.preventDefault();
      buttons[(at + (e.shiftKey ? buttons.length - 1 : 1)) % buttons.length].focus();
    }
  }

  function swipe(area) {
    var startX = null, startY = 0;
    area.addEventListener('pointerdown', function (e) {
      if (e.pointerType === 'mouse') { return; }
      startX = e.clientX; startY = e.clientY;
    });
    area.addEventListener('pointerup', function (e) {
      if (startX === null) { return; }
      var dx = e.clientX - startX, dy = e.clientY - startY;
      startX = null;
      if (Math.abs(dx) > 40 && Math.abs(dx) > Math.abs(dy)) { show(current + (dx < 0 ? 1 : -1)); }
    });
    area.addEventListener('pointercancel', function () { startX = null; });
  }

  function show(index) {
    if (index < 0 || index >= links.length) { return; }
    current = index;
    var link = links[index];
    var picture = link.querySelector('picture');
    var copy = picture.cloneNode(true);
    copy.querySelectorAll('source, img').forEach(function (el) { el.setAttribute('sizes', '100vw'); });
    var img = copy.querySelector('img');
    img.removeAttribute('loading');
    img.removeAttribute('width');
    img.removeAttribute('height');
    stage.replaceChildren(copy);
    var figcaption = link.querySelector('figcaption');
    var pos = document.createElement('span');
    pos.className = 'viewer-position';
    pos.textContent = texts.viewerPosition.replace('{0}', index + 1).replace('{1}', links.length);
    caption.replaceChildren(pos);
    if (figcaption) {
      figcaption.querySelectorAll('.caption, .credit').forEach(function (part) {
        var span = document.createElement('span');
        span.className = part.className;
        span.textContent = part.textContent;
        caption.appendChild(span);
      });
    }
    prev.disabled = index === 0;
    next.disabled = index === links.length - 1;
    if (pushed) { history.replaceState({ viewer: index }, '', link.getAttribute('href')); }
    if (document.activeElement && document.activeElement.disabled) { close.focus(); }
  }

  function open(index, link) {
    if (!viewer) { build(); }
    opener = link;
    viewer.hidden = false;
    document.documentElement.classList.add('viewer-open');
    history.pushState({ viewer: index }, '', link.getAttribute('href'));
    pushed = true;
    show(index);
    close.focus();
  }

  function hide(goBack) {
    if (!viewer || viewer.hidden) { return; }
    viewer.hidden = true;
    document.documentElement.classList.remove('viewer-open');
    stage.replaceChildren();
    if (pushed) {
      pushed = false;
      if (goBack) { history.back(); }
    }
    if (opener) { opener.focus(); }
  }

  links.forEach(function (link, index) {
    link.addEventListener('click', function (e) {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) { return; }
      e.preventDefault();
      open(index, link);
    });
  });
  // on the document, not the dialog: a click on the photo leaves the focus on the page behind
  document.addEventListener('keydown', function (e) { if (viewer && !viewer.hidden) { onKey(e); } });
  // the browser's back button closes the viewer (its address was pushed when it opened)
  window.addEventListener('popstate', function () { if (pushed) { pushed = false; hide(false); } });
})();
