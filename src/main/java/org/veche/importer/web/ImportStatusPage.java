package org.veche.importer.web;

import org.veche.importer.ImportRun;

/**
 * The model of {@code importer/status.jte}: one import as it goes.
 *
 * @param running whether it was still running when the page was made (read once, as the
 * Refresh header was)
 */
public record ImportStatusPage(ImportRun run, boolean running) {
}
