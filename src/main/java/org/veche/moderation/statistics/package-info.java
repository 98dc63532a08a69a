/**
 * The moderators' statistics page: comments per day, where they ended, how long held
 * comments waited for a decision and the busiest threads, drawn as SVG on the server.
 */
package org.veche.moderation.statistics;
