package org.veche.archive.web;

/**
 * The model of {@code archive/archive.jte}: exports, restore and the current run.
 *
 * @param job the current or last run, or null
 * @param error the message key of a refusal, or null
 * @param empty whether the site is empty, so that a restore may start
 */
public record ArchivePage(ArchiveRun job, String error, boolean empty) {
}
