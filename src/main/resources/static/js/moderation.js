// Keyboard shortcuts for the moderation queue: j and k move between comments, a approves, s marks spam,
// t trashes. They press the same buttons a mouse would, so the page keeps working without this file.
(function () {
  'use strict';
  var items = Array.prototype.slice.call(document.querySelectorAll('.queue-item'));
  if (items.length === 0) { return; }
  var current = -1;

  function select(index) {
    if (index < 0 || index >= items.length) { return; }
    if (current >= 0) { items[current].classList.remove('is-current'); }
    current = index;
    items[current].classList.add('is-current');
    items[current].focus();
  }

  function press(decisions) {
    if (current < 0) { return; }
    for (var i = 0; i < decisions.length; i++) {
      var button = items[current].querySelector('button[data-decision="' + decisions[i] + '"]');
      if (button) { button.click(); return; }
    }
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    if (target.closest('input, textarea, select, [contenteditable]')) { return; }
    switch (event.key) {
      case 'j': select(current + 1); break;
      case 'k': select(current < 0 ? 0 : current - 1); break;
      case 'a': press(['approve', 'not-spam']); break;
      case 's': press(['spam']); break;
      case 't': press(['trash']); break;
      default: return;
    }
    event.preventDefault();
  });
})();
