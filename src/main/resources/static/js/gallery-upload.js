// Veche: several photos uploaded with a progress bar each. Without JavaScript the form posts every chosen file
// at once; with it, the files go one at a time (XHR, for its upload progress) to the same address, and the
// gallery is reloaded when all are stored. A refused file shows the site's own message beside its name.
(function () {
  'use strict';

  var form = document.querySelector('form.upload');
  var input = form && form.querySelector('input[type=file]');
  var list = form && form.querySelector('.upload-progress');
  if (!form || !input || !list || !window.FormData || !window.XMLHttpRequest) { return; }
  var texts = list.dataset;

  function row(file) {
    var li = document.createElement('li');
    var name = document.createElement('span');
    name.textContent = file.name;
    var bar = document.createElement('progress');
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute('aria-label', file.name);
    var state = document.createElement('span');
    state.className = 'state';
    state.textContent = texts.waiting;
    li.append(name, bar, state);
    list.appendChild(li);
    return { bar: bar, state: state };
  }

  function send(file, shown) {
    return new Promise(function (resolve) {
      var data = new FormData(form);
      data.delete('file');
      data.append('file', file, file.name);
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.setRequestHeader('Accept', 'text/html');
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) { shown.bar.value = Math.round(e.loaded * 100 / e.total); }
      });
      xhr.addEventListener('load', function () {
        if (xhr.status === 200) {
          shown.bar.value = 100;
          shown.state.textContent = texts.done;
          resolve(true);
          return;
        }
        // the page came back with the reason: show it, not the whole page
        var reason = new DOMParser().parseFromString(xhr.responseText, 'text/html').querySelector('.form-error');
        shown.state.textContent = texts.failed + (reason ? ': ' + reason.textContent.trim() : '');
        shown.state.className = 'state failed';
        resolve(false);
      });
      xhr.addEventListener('error', function () {
        shown.state.textContent = texts.failed;
        shown.state.className = 'state failed';
        resolve(false);
      });
      shown.state.textContent = texts.sending;
      xhr.send(data);
    });
  }

  form.addEventListener('submit', function (e) {
    var files = Array.prototype.slice.call(input.files || []);
    if (files.length === 0) { return; }
    e.preventDefault();
    var submit = form.querySelector('button[type=submit]');
    submit.disabled = true;
    list.replaceChildren();
    list.hidden = false;
    var rows = files.map(row);
    var failed = 0;
    // one after another: the server re-encodes each photo, and the bars fill in the order chosen
    files.reduce(function (previous, file, i) {
      return previous.then(function () { return send(file, rows[i]); }).then(function (ok) { if (!ok) { failed++; } });
    }, Promise.resolve()).then(function () {
      submit.disabled = false;
      input.value = '';
      if (failed === 0) { window.location.assign(window.location.pathname); }
    });
  });
})();
