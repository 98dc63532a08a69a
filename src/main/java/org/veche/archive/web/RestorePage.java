package org.veche.archive.web;

/**
 * The model of {@code archive/restore.jte}: a restore followed at its own address.
 *
 * @param job the restore, or null when the address names none
 */
public record RestorePage(ArchiveRun job) {
}
