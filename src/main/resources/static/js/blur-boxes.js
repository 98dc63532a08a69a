// Drawing blur boxes on the photo: each drag adds a line "x, y, width, height" (in the photo's own pixels) to the
// boxes field, which is what the form posts; without this script the editor types the numbers.
(function () {
  'use strict';
  var canvas = document.querySelector('.blur-canvas');
  var field = document.getElementById('boxes');
  if (!canvas || !field) {
    return;
  }
  var image = canvas.querySelector('img');
  var photoWidth = Number(canvas.dataset.width);
  var photoHeight = Number(canvas.dataset.height);
  var start = null;
  var drawing = null;

  function toPhoto(event) {
    var r = image.getBoundingClientRect();
    var x = Math.min(Math.max(event.clientX - r.left, 0), r.width);
    var y = Math.min(Math.max(event.clientY - r.top, 0), r.height);
    return { x: x, y: y, scale: photoWidth / r.width };
  }

  function mark(box, r, scale) {
    var el = document.createElement('div');
    el.className = 'blur-box';
    el.style.left = (box.x / scale) + 'px';
    el.style.top = (box.y / scale) + 'px';
    el.style.width = (box.w / scale) + 'px';
    el.style.height = (box.h / scale) + 'px';
    canvas.appendChild(el);
    return el;
  }

  function shown() {
    canvas.querySelectorAll('.blur-box').forEach(function (el) { el.remove(); });
    var r = image.getBoundingClientRect();
    var scale = photoWidth / r.width;
    field.value.split(/\r?\n/).forEach(function (line) {
      var n = line.trim().split(/[,;\s]+/).map(Number);
      if (n.length === 4 && n.every(function (v) { return isFinite(v); })) {
        mark({ x: n[0], y: n[1], w: n[2], h: n[3] }, r, scale);
      }
    });
  }

  image.addEventListener('dragstart', function (event) { event.preventDefault(); });
  canvas.addEventListener('pointerdown', function (event) {
    start = toPhoto(event);
    drawing = mark({ x: start.x * start.scale, y: start.y * start.scale, w: 0, h: 0 }, null, start.scale);
    canvas.setPointerCapture(event.pointerId);
  });
  canvas.addEventListener('pointermove', function (event) {
    if (!start) {
      return;
    }
    var p = toPhoto(event);
    drawing.style.left = Math.min(start.x, p.x) + 'px';
    drawing.style.top = Math.min(start.y, p.y) + 'px';
    drawing.style.width = Math.abs(p.x - start.x) + 'px';
    drawing.style.height = Math.abs(p.y - start.y) + 'px';
  });
  canvas.addEventListener('pointerup', function (event) {
    if (!start) {
      return;
    }
    var p = toPhoto(event);
    var s = start.scale;
    var x = Math.round(Math.min(start.x, p.x) * s);
    var y = Math.round(Math.min(start.y, p.y) * s);
    var w = Math.round(Math.abs(p.x - start.x) * s);
    var h = Math.round(Math.abs(p.y - start.y) * s);
    start = null;
    if (w >= 4 && h >= 4 && x + w <= photoWidth && y + h <= photoHeight) {
      field.value = (field.value.trim() ? field.value.trim() + '\n' : '') + [x, y, w, h].join(', ');
    }
    shown();
  });
  field.addEventListener('input', shown);
  if (image.complete) {
    shown();
  } else {
    image.addEventListener('load', shown);
  }
  window.addEventListener('resize', shown);
}());
