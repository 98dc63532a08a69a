// Veche: small enhancements over pages that already work without JavaScript.
// Replies and likes go to the same endpoints as the plain forms, asking for JSON instead of a redirect.
(function () {
  'use strict';

  var thread = document.querySelector('.thread[data-article]');
  var respond = document.getElementById('respond');
  var respondHome = respond ? respond.parentNode : null;
  var respondNext = respond ? respond.nextSibling : null;

  function post(url, body) {
    return fetch(url, {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json' }
    });
  }

  function likedText(n) {
    if (!thread) { return ''; }
    if (n === 0) { return thread.dataset.likedZero; }
    var form = new Intl.PluralRules(document.documentElement.lang || 'en').select(n);
    var template = thread.dataset['liked' + form.charAt(0).toUpperCase() + form.slice(1)] || thread.dataset.likedOther;
    return template.replace('{n}', n.toLocaleString(document.documentElement.lang || 'en'));
  }

  function setPressed(button, pressed) {
    button.setAttribute('aria-pressed', pressed ? 'true' : 'false');
    button.textContent = pressed ? thread.dataset.unlike : thread.dataset.like;
    var form = button.closest('form');
    var mark = form.nextElementSibling && form.nextElementSibling.classList.contains('liked-mark') ? form.nextElementSibling : null;
    if (pressed && !mark) {
      mark = document.createElement('span');
      mark.className = 'liked-mark';
      mark.textContent = thread.dataset.liked;
      form.after(mark);
    } else if (!pressed && mark) {
      mark.remove();
    }
  }

  // Likes: toggle in place.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.classList.contains('like') || !thread) { return; }
    event.preventDefault();
    var button = form.querySelector('button');
    button.disabled = true;
    post(form.action, new URLSearchParams(new FormData(form)))
      .then(function (response) { return response.json().then(function (json) { return { ok: response.ok, json: json }; }); })
      .then(function (result) {
        if (!result.ok) { return; }
        setPressed(button, result.json.liked);
        var count = form.parentNode.querySelector('.likes');
        count.dataset.likes = result.json.likes;
        count.textContent = likedText(result.json.likes);
      })
      .catch(function () { form.submit(); })
      .finally(function () { button.disabled = false; });
  });

  if (thread) {
    fetch('/articles/' + thread.dataset.article + '/liked', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (ids) {
        ids.forEach(function (id) {
          var button = thread.querySelector('button[data-comment="' + id + '"]');
          if (button) { setPressed(button, true); }
        });
      })
      .catch(function () { /* the buttons still work as plain forms */ });
    var posted = thread.dataset.posted;
    if (posted && posted !== '0') {
      var fresh = document.getElementById('comment-' + posted);
      if (fresh) { fresh.classList.add('is-new'); }
    }
  }

  if (!respond) { return; }
  var form = respond.querySelector('form.comment-form');
  var parentField = form.querySelector('input[name="comment_parent"]');
  var replyingTo = respond.querySelector('.replying-to');
  var errorBox = form.querySelector('.form-error');

  function moveFormTo(comment, author) {
    parentField.value = comment ? comment.dataset.id : '';
    if (comment) {
      comment.querySelector(':scope > .comment-body').after(respond);
      replyingTo.hidden = false;
      var link = replyingTo.querySelector('.replying-to-author');
      link.href = '#' + comment.id;
      link.querySelector('bdi').textContent = author;
    } else {
      respondHome.insertBefore(respond, respondNext);
      replyingTo.hidden = true;
    }
  }

  // Reply links: bring the form under the comment instead of reloading the page.
  document.addEventListener('click', function (event) {
    var link = event.target.closest('.reply-link');
    if (link) {
      event.preventDefault();
      moveFormTo(link.closest('li.comment'), link.dataset.author);
      form.querySelector('textarea').focus();
      return;
    }
    if (event.target.closest('.cancel-reply')) {
      event.preventDefault();
      moveFormTo(null);
    }
  });

  form.addEventListener('submit', function (event) {
    // sign-in, log out and change buttons leave the page with the form (formaction): let the browser go
    if (event.submitter && event.submitter.hasAttribute('formaction')) { return; }
    event.preventDefault();
    var button = form.querySelector('button.post-comment');
    button.disabled = true;
    errorBox.hidden = true;
    post(form.action, new URLSearchParams(new FormData(form)))
      .then(function (response) { return response.json().then(function (json) { return { ok: response.ok, json: json }; }); })
      .then(function (result) {
        if (!result.ok) {
          errorBox.textContent = result.json.detail || result.json.title;
          errorBox.hidden = false;
          errorBox.focus();
          return;
        }
        var holder = document.createElement('div');
        holder.innerHTML = result.json.html;
        var item = holder.firstElementChild;
        var parent = result.json.parentId ? document.getElementById('comment-' + result.json.parentId) : null;
        var list;
        if (parent) {
          list = parent.querySelector(':scope > ol.children');
          if (!list) {
            list = document.createElement('ol');
            list.className = 'children';
            parent.appendChild(list);
          }
        } else {
          list = thread.querySelector('ol.comment-list');
        }
        list.appendChild(item);
        item.classList.add('is-new');
        // a held comment is shown only to its author, here, with "Your comment is awaiting moderation"
        if (result.json.status === 'pending') { item.classList.add('is-held'); }
        // the heading counts it too (its author's own held comment included, as on a reload)
        var heading = document.getElementById('comments-title');
        if (heading && result.json.heading) { heading.textContent = result.json.heading; }
        form.querySelector('textarea').value = '';
        moveFormTo(null);
        item.scrollIntoView({ block: 'center' });
        item.querySelector('.permalink').focus();
      })
      .catch(function () { form.submit(); })
      .finally(function () { button.disabled = false; });
  });
})();

// The editor's live Markdown preview (sanitized on the server, like the published page).
(function () {
  'use strict';
  var body = document.querySelector('textarea.markdown');
  if (!body) { return; }
  var preview = document.getElementById(body.dataset.preview);
  var csrf = body.form.querySelector('input[name="_csrf"]');
  var timer;
  body.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var data = new URLSearchParams();
      data.set('body', body.value);
      if (csrf) { data.set('_csrf', csrf.value); }
      fetch('/editor/preview', { method: 'POST', body: data, credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) { if (html !== null) { preview.innerHTML = html; } });
    }, 300);
  });
})();
