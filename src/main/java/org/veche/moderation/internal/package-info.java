/**
 * How comments are screened and what moderation keeps: the rules, reasons, reports, bans
 * and the action log.
 */
package org.veche.moderation.internal;
