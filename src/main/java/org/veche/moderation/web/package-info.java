/**
 * The moderators' pages: the queue and its actions, the log, the discussion settings, and
 * readers' report form.
 */
package org.veche.moderation.web;
