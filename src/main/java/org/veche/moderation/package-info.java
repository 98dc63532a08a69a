/**
 * Moderation of discussions: the rules that screen new comments, the moderators' queue
 * and its log, bans and readers' reports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Moderation")
package org.veche.moderation;
