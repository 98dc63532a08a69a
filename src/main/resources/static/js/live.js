// Veche live: new approved comments, like counts and live blog updates reach an open article page without a
// reload, over Server-Sent Events. Without this script the page is complete as it was rendered.
(function () {
  'use strict';

  var thread = document.querySelector('.thread[data-live]');
  if (!thread || !window.EventSource) { return; }
  var lang = document.documentElement.lang || 'en';

  function data(event) {
    try { return JSON.parse(event.data); } catch (e) { return null; }
  }

  function element(html) {
    var holder = document.createElement('template');
    holder.innerHTML = html;
    return holder.content.firstElementChild;
  }

  function likedText(n) {
    if (n === 0) { return thread.dataset.likedZero; }
    var form = new Intl.PluralRules(lang).select(n);
    var template = thread.dataset['liked' + form.charAt(0).toUpperCase() + form.slice(1)] || thread.dataset.likedOther;
    return template.replace('{n}', n.toLocaleString(lang));
  }

  function showComment(d) {
    // the page may already show it (rendered a moment after the event, or posted from this page)
    if (document.getElementById('comment-' + d.id)) { return; }
    var list;
    if (d.parentId) {
      var parent = document.getElementById('comment-' + d.parentId);
      if (!parent) { return; }
      list = parent.querySelector(':scope > ol.children');
      if (!list) {
        list = document.createElement('ol');
        list.className = 'children';
        parent.appendChild(list);
      }
    } else {
      list = thread.querySelector('ol.comment-list');
      if (!list || thread.dataset.liveRoots === 'none') { return; }
    }
    var item = element(d.html);
    if (!item) { return; }
    item.classList.add('is-new', 'is-live');
    if (!d.parentId && thread.dataset.liveRoots === 'prepend') {
      list.insertBefore(item, list.firstChild);
    } else {
      list.appendChild(item);
    }
  }

  function showUpdate(d) {
    var blog = document.querySelector('.live-blog');
    if (!blog || document.getElementById('update-' + d.id)) { return; }
    var item = element(d.html);
    if (!item) { return; }
    var list = blog.querySelector('ol.live-updates');
    list.insertBefore(item, list.firstChild);
    item.classList.add('is-new');
    blog.hidden = false;
  }

  var since = thread.dataset.liveSince || '';
  var source = null;

  // Keeps the position of the last event, so that a page restored from the back-forward cache asks for what it
  // missed since then.
  function track(event) {
    if (event.lastEventId) { since = event.lastEventId; }
  }

  function connect() {
    source = new EventSource(thread.dataset.live + '?since=' + encodeURIComponent(since));
    ['comment', 'likes', 'hide', 'update', 'update-removed'].forEach(function (type) {
      source.addEventListener(type, track);
    });

    source.addEventListener('comment', function (event) {
      var d = data(event);
      if (d) { showComment(d); }
    });

    source.addEventListener('likes', function (event) {
      var d = data(event);
      var comment = d && document.getElementById('comment-' + d.id);
      var count = comment && comment.querySelector(':scope > .comment-body .likes');
      if (count) {
        count.dataset.likes = d.likes;
        count.textContent = likedText(d.likes);
      }
    });

    source.addEventListener('hide', function (event) {
      var d = data(event);
      var comment = d && document.getElementById('comment-' + d.id);
      if (comment && !comment.contains(document.getElementById('respond'))) { comment.remove(); }
    });

    source.addEventListener('update', function (event) {
      var d = data(event);
      if (d) { showUpdate(d); }
    });

    source.addEventListener('update-removed', function (event) {
      var d = data(event);
      var update = d && document.getElementById('update-' + d.id);
      if (update) { update.remove(); }
    });

    // the server no longer knows what this page missed (it restarted, or the page slept too long): say so
    source.addEventListener('resync', function () {
      if (document.querySelector('.live-stale')) { return; }
      var note = document.createElement('p');
      note.className = 'live-stale';
      note.setAttribute('role', 'status');
      var link = document.createElement('a');
      link.href = location.pathname + location.search + '#comments';
      link.textContent = thread.dataset.liveStale;
      link.addEventListener('click', function () { location.reload(); });
      note.appendChild(link);
      thread.parentNode.insertBefore(note, thread);
    });
  }

  connect();
  // A page left for another one may be kept in the back-forward cache with its stream open; a browser opens at most
  // six connections to one site, so a reader who went through six articles could load nothing more. Close the
  // stream when the page is hidden and open it again if the page comes back.
  window.addEventListener('pagehide', function () {
    if (source) { source.close(); source = null; }
  });
  window.addEventListener('pageshow', function (event) {
    if (event.persisted && !source) { connect(); }
  });
})();
