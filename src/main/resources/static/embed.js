/*
 * Veche's discussion on any page: <div id="veche-thread" data-page="URL"></div><script src=".../embed.js" async>.
 * It draws the thread inside the element's shadow root (no iframe; the host page's styles stay out and ours stay
 * in), and talks only to the Veche site it came from. No cookie of that site is used: on another site it would be
 * a third-party cookie. A guest's likes are keyed by a random reader key kept in this page's own storage; a reader
 * who signs in gets a token, made here and kept here, that the Veche sign-in window turns on.
 */
(function () {
	'use strict';
	var script = document.currentScript;
	var host = document.getElementById('veche-thread');
	if (!script || !host || host.shadowRoot) {
		return;
	}
	var site = new URL(script.src).origin;
	var page = host.getAttribute('data-page') || location.href.split('#')[0];
	var title = host.getAttribute('data-title') || document.title;
	var store = 'veche:' + site;
	var root = host.attachShadow({ mode: 'open' });
	var state = { thread: null, parent: null, pending: null };

	var CSS = ':host{display:block;font:inherit;color:inherit;line-height:1.5}' +
		'*{box-sizing:border-box}h2{font-size:1.3em;margin:0 0 .6em}ol{list-style:none;margin:0;padding:0}' +
		'ol ol{margin-left:1.2em;padding-left:.8em;border-left:2px solid rgba(128,128,128,.3)}' +
		'li{margin:.8em 0}.meta{font-size:.9em;opacity:.8}.author{font-weight:bold}.text p{margin:.4em 0}' +
		'.actions{display:flex;gap:.8em;align-items:center;font-size:.9em}.is-new>.body{outline:2px solid #c90;outline-offset:4px}' +
		'button{font:inherit;cursor:pointer}.link{background:none;border:0;padding:0;color:inherit;text-decoration:underline}' +
		'.like[aria-pressed=true]{font-weight:bold}form{margin-top:1.2em}label{display:block;font-weight:bold;margin-top:.6em}' +
		'input,textarea{font:inherit;width:100%;max-width:36em;padding:.3em;border:1px solid #888;border-radius:3px}' +
		'fieldset{border:0;padding:0;margin:.8em 0 0}fieldset label{font-weight:normal}input[type=checkbox]{width:auto}' +
		'.post{margin-top:.6em;padding:.4em 1em}.error{color:#b00020}.note{font-size:.9em;opacity:.8}.more{margin:1em 0}';

	function t(key) {
		return (state.thread && state.thread.texts[key]) || key;
	}

	function el(tag, attrs, children) {
		var node = document.createElement(tag);
		Object.keys(attrs || {}).forEach(function (name) {
			if (name === 'text') {
				node.textContent = attrs[name];
			} else if (name.indexOf('on') === 0) {
				node.addEventListener(name.slice(2), attrs[name]);
			} else if (attrs[name] !== null && attrs[name] !== undefined) {
				node.setAttribute(name, attrs[name]);
			}
		});
		(children || []).forEach(function (child) {
			if (child) {
				node.appendChild(child);
			}
		});
		return node;
	}

	function saved(key) {
		try {
			return localStorage.getItem(store + ':' + key);
		} catch (e) {
			return null;
		}
	}

	function save(key, value) {
		try {
			if (value === null) {
				localStorage.removeItem(store + ':' + key);
			} else {
				localStorage.setItem(store + ':' + key, value);
			}
		} catch (e) {
			// storage refused: the reader stays a stranger after a reload
		}
	}

	function randomKey() {
		var bytes = crypto.getRandomValues(new Uint8Array(24));
		return btoa(String.fromCharCode.apply(null, bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
	}

	function reader() {
		var key = saved('reader');
		if (!key) {
			key = randomKey();
			save('reader', key);
		}
		return key;
	}

	function api(method, path, body, token) {
		var headers = { 'X-Veche-Reader': reader() };
		var bearer = token || saved('token');
		if (bearer) {
			headers.Authorization = 'Bearer ' + bearer;
		}
		if (body) {
			headers['Content-Type'] = 'application/json';
		}
		return fetch(site + path, {
			method: method, headers: headers, credentials: 'omit', mode: 'cors',
			body: body ? JSON.stringify(body) : undefined
		}).then(function (response) {
			return response.json().catch(function () {
				return {};
			}).then(function (json) {
				if (!response.ok) {
					throw new Error(json.detail || t('embed.ui.failed'));
				}
				json.status = json.status || response.status;
				json.held = response.status === 202;
				return json;
			});
		});
	}

	function load(number) {
		return api('GET', '/embed/v1/thread?url=' + encodeURIComponent(page) + '&page=' + (number || 1));
	}

	function likeControls(c) {
		var text = el('span', { 'class': 'liked-by', text: c.likedBy });
		var button = el('button', {
			type: 'button', 'class': 'link like', 'aria-pressed': String(c.liked), text: t(c.liked ? 'thread.unlike' : 'thread.like'),
			onclick: function () {
				var liking = button.getAttribute('aria-pressed') !== 'true';
				api(liking ? 'POST' : 'DELETE', '/embed/v1/comments/' + c.id + '/like').then(function (s) {
					button.setAttribute('aria-pressed', String(s.liked));
					button.textContent = t(s.liked ? 'thread.unlike' : 'thread.like');
					text.textContent = s.likedBy;
				}, function (e) {
					text.textContent = e.message;
				});
			}
		});
		return [button, text];
	}

	function comment(c) {
		var text = el('div', { 'class': 'text' });
		// bodies are rendered and sanitised by the site when they are posted
		text.innerHTML = c.html;
		var when = new Date(c.createdAt);
		var author = c.author.url ? el('a', { href: c.author.url, rel: 'nofollow ugc noopener', 'class': 'author', text: c.author.name })
			: el('span', { 'class': 'author', text: c.author.name });
		var replies = el('ol', { 'class': 'replies' });
		var item = el('li', { id: 'veche-comment-' + c.id, 'class': 'comment' }, [
			el('div', { 'class': 'body' }, [
				el('p', { 'class': 'meta' }, [author, document.createTextNode(' · '),
					el('time', { datetime: c.createdAt, text: when.toLocaleString() }),
					c.inReplyTo ? document.createTextNode(' → ' + c.inReplyTo) : null]),
				text,
				el('p', { 'class': 'actions' }, likeControls(c).concat([
					el('button', { type: 'button', 'class': 'link reply', text: t('thread.reply'), onclick: function () {
						replyTo(c, item);
					} })]))
			]),
			replies
		]);
		(c.replies || []).forEach(function (r) {
			replies.appendChild(comment(r));
		});
		return item;
	}

	function field(id, label, type, attrs) {
		return [el('label', { 'for': id, text: label }),
			el(type === 'textarea' ? 'textarea' : 'input', Object.assign({ id: id, name: id, type: type === 'textarea' ? null : type }, attrs))];
	}

	function form() {
		var thread = state.thread;
		var me = thread.reader;
		var error = el('p', { 'class': 'error', role: 'alert' });
		var replying = el('p', { 'class': 'replying-to', hidden: '' });
		var parts = [el('h3', { text: t('form.title') }), replying, error];
		if (me) {
			parts.push(el('p', { 'class': 'commenting-as' }, [el('b', { 'class': 'commenter-name', text: me.name }),
				document.createTextNode(' '), el('span', { 'class': 'commenting-with', text: me.line }), document.createTextNode(' '),
				el('button', { type: 'button', 'class': 'link sign-out', text: t('form.logOut'), onclick: signOut })]));
		} else if (thread.guestsMayComment) {
			var star = thread.nameAndEmailRequired ? ' *' : '';
			parts.push(el('p', { 'class': 'note', text: t('form.note') }));
			parts = parts.concat(field('author', t('form.name') + star, 'text', { maxlength: '100', autocomplete: 'name' }),
				field('email', t('form.email') + star, 'email', { maxlength: '254', autocomplete: 'email' }),
				[el('small', { 'class': 'note', text: t('form.emailNote') })],
				field('url', t('form.website'), 'url', { maxlength: '500', autocomplete: 'url' }));
		} else {
			parts.push(el('p', { 'class': 'note sign-in-required', text: t('form.signInRequired') }));
		}
		parts = parts.concat(field('comment', t('form.comment') + ' *', 'textarea', { rows: '5', maxlength: '10000', required: '' }));
		if (me || thread.guestsMayComment) {
			parts.push(el('fieldset', { 'class': 'comment-notify' }, [el('legend', { text: t('notify.form.legend') }),
				el('label', {}, [el('input', { type: 'checkbox', name: 'notify_replies', checked: '' }), document.createTextNode(' ' + t('notify.form.replies'))]),
				el('label', {}, [el('input', { type: 'checkbox', name: 'notify_all' }), document.createTextNode(' ' + t('notify.form.all'))])]));
			parts.push(el('button', { type: 'submit', 'class': 'post post-comment', text: t('form.submit') }));
		}
		if (!me) {
			parts.push(el('p', {}, [el('button', { type: 'button', 'class': 'link sign-in', text: t('embed.ui.signIn'), onclick: signIn })]));
		}
		var node = el('form', { 'class': 'comment-form', novalidate: '', onsubmit: function (event) {
			event.preventDefault();
			post(node, error);
		} }, parts);
		node.replying = replying;
		return node;
	}

	function value(node, name) {
		var input = node.querySelector('[name=' + name + ']');
		return input ? input.value : null;
	}

	function checked(node, name) {
		var box = node.querySelector('[name=' + name + ']');
		return Boolean(box && box.checked);
	}

	function post(node, error) {
		error.textContent = '';
		var button = node.querySelector('.post');
		button.disabled = true;
		api('POST', '/embed/v1/comments', {
			url: page, title: title, parentId: state.parent ? state.parent.id : null, body: value(node, 'comment'),
			author: { name: value(node, 'author'), email: value(node, 'email'), url: value(node, 'url') },
			notifyReplies: checked(node, 'notify_replies'), notifyAllComments: checked(node, 'notify_all')
		}).then(function (c) {
			button.disabled = false;
			node.querySelector('[name=comment]').value = '';
			if (c.held) {
				error.textContent = t('embed.ui.held');
				return;
			}
			var item = comment(c);
			item.classList.add('is-new');
			var list = state.parent ? state.parentItem.querySelector('.replies') : root.querySelector('.thread');
			list.appendChild(item);
			cancelReply();
			// the count's words depend on the number and the language: the site says them
			load(1).then(function (fresh) {
				root.querySelector('h2.count').textContent = fresh.totalLabel;
			});
		}, function (e) {
			button.disabled = false;
			error.textContent = e.message;
		});
	}

	function replyTo(c, item) {
		state.parent = c;
		state.parentItem = item;
		var node = root.querySelector('.comment-form');
		node.replying.hidden = false;
		node.replying.textContent = t('form.replyingTo') + ' ' + c.author.name + ' ';
		node.replying.appendChild(el('button', { type: 'button', 'class': 'link cancel-reply', text: t('form.cancelReply'), onclick: cancelReply }));
		item.querySelector('.body').after(node);
		node.querySelector('[name=comment]').focus();
	}

	function cancelReply() {
		state.parent = null;
		var node = root.querySelector('.comment-form');
		node.replying.hidden = true;
		root.querySelector('.discussion').appendChild(node);
	}

	function hex(buffer) {
		return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
			return ('0' + b.toString(16)).slice(-2);
		}).join('');
	}

	/** Makes the token now, so the click can open the window at once (popup blockers want that). */
	function prepareSignIn() {
		var token = 've_' + randomKey() + randomKey();
		crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)).then(function (digest) {
			state.pending = { token: token, hash: hex(digest) };
		});
	}

	function signIn() {
		var pending = state.pending;
		if (!pending) {
			return;
		}
		var url = site + '/embed/sign-in?origin=' + encodeURIComponent(location.origin) + '&token=' + pending.hash;
		var win = window.open(url, 'veche-sign-in', 'popup,width=540,height=700');
		if (!win) {
			location.href = url;
			return;
		}
		var error = root.querySelector('.comment-form .error');
		error.textContent = t('embed.ui.signingIn');
		var tries = 0;
		var timer = setInterval(function () {
			tries++;
			api('GET', '/embed/v1/me', null, pending.token).then(function (answer) {
				if (answer.reader) {
					clearInterval(timer);
					save('token', pending.token);
					refresh();
				} else if (tries > 150 || (win.closed && tries > 3)) {
					clearInterval(timer);
					error.textContent = '';
				}
			}, function () {
				// a failed poll is tried again
			});
		}, 2000);
	}

	function signOut() {
		api('DELETE', '/embed/v1/session').catch(function () {
			return null;
		}).then(function () {
			save('token', null);
			refresh();
		});
	}

	function render(thread) {
		state.thread = thread;
		state.parent = null;
		var list = el('ol', { 'class': 'thread' });
		thread.comments.forEach(function (c) {
			list.appendChild(comment(c));
		});
		var more = null;
		if (thread.page < thread.pages) {
			more = el('button', { type: 'button', 'class': 'more', text: t('embed.ui.more'), onclick: function () {
				load(thread.page + 1).then(function (next) {
					next.comments.forEach(function (c) {
						list.appendChild(comment(c));
					});
					thread.page = next.page;
					if (next.page >= next.pages) {
						more.remove();
					}
				});
			} });
		}
		var section = el('section', { 'class': 'discussion' }, [
			el('h2', { 'class': 'count', text: thread.totalLabel }),
			list,
			more,
			thread.articleUrl ? el('p', { 'class': 'note' }, [el('a', { href: thread.articleUrl, 'class': 'on-site', text: t('embed.ui.openOnSite') })]) : null
		]);
		section.appendChild(thread.closed ? el('p', { 'class': 'no-comments', text: t('moderation.closed') }) : form());
		root.replaceChildren(styles(), section);
		if (!thread.reader) {
			prepareSignIn();
		}
	}

	function styles() {
		var style = document.createElement('style');
		style.textContent = CSS;
		if (root.adoptedStyleSheets !== undefined && typeof CSSStyleSheet === 'function') {
			try {
				var sheet = new CSSStyleSheet();
				sheet.replaceSync(CSS);
				root.adoptedStyleSheets = [sheet];
				return document.createTextNode('');
			} catch (e) {
				// older browsers: a style element in the shadow root
			}
		}
		return style;
	}

	function refresh() {
		return load(1).then(render, function (e) {
			root.replaceChildren(el('p', { 'class': 'error', role: 'alert', text: e.message }));
		});
	}

	refresh();
}());
