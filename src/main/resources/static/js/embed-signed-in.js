// The embed sign-in window has done its work: the page that opened it notices by itself (it asks the site),
// so the window only closes; a tab that a script did not open stays, with its message.
'use strict';
if (document.querySelector("[data-embed-signed-in]")) {
	setTimeout(function () { window.close(); }, 600);
}
