/**
 * The comment and like tables, and how a thread page is assembled and cached.
 */
package org.veche.discussion.internal;
