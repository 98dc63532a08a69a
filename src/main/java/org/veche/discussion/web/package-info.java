/**
 * The reply form, the like button and the comments API.
 */
package org.veche.discussion.web;
