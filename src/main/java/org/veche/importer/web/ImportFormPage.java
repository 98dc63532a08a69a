package org.veche.importer.web;

import java.util.List;

import org.veche.importer.ImportRun;

/**
 * The model of {@code importer/form.jte}: the upload form and the latest imports.
 *
 * @param error the message key of a refused import, or null
 * @param errorArgs the message's arguments
 */
public record ImportFormPage(List<ImportRun> runs, String error, List<Object> errorArgs) {
}
