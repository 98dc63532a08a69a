/*
 * Comment counts for index pages: every element with data-veche-count="URL" gets that page's count as its text
 * ("3 comments"), in the reader's language. One request per hundred pages, to the Veche site this came from only.
 */
(function () {
	'use strict';
	var script = document.currentScript;
	if (!script) {
		return;
	}
	var site = new URL(script.src).origin;
	var elements = Array.prototype.slice.call(document.querySelectorAll('[data-veche-count]'));
	var urls = [];
	elements.forEach(function (element) {
		var url = element.getAttribute('data-veche-count');
		if (url && urls.indexOf(url) < 0) {
			urls.push(url);
		}
	});
	for (var i = 0; i < urls.length; i += 100) {
		var batch = urls.slice(i, i + 100);
		fetch(site + '/embed/v1/counts?' + batch.map(function (url) {
			return 'url=' + encodeURIComponent(url);
		}).join('&'), { credentials: 'omit', mode: 'cors' }).then(function (response) {
			return response.ok ? response.json() : {};
		}).then(function (counts) {
			elements.forEach(function (element) {
				var count = counts[element.getAttribute('data-veche-count')];
				if (count) {
					element.textContent = count.label;
					element.setAttribute('data-veche-comments', String(count.count));
				}
			});
		}, function () {
			// the counts are a nicety: the links work without them
		});
	}
}());
