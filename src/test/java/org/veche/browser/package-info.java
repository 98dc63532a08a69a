/**
 * Browser tests: the article page and its discussion driven in Debian's Chromium, with
 * and without JavaScript.
 */
package org.veche.browser;
