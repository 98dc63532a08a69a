/**
 * The event stream readers' pages listen to, and the editor's live blog page.
 */
package org.veche.live.web;
