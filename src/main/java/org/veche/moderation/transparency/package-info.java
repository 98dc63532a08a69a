/**
 * The public monthly moderation report: counts of holds by reason, readers' reports,
 * decisions and appeals, with no name, address or text in it, and the audit chain's
 * anchor at the month's end.
 */
package org.veche.moderation.transparency;
