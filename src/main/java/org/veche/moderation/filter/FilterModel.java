package org.veche.moderation.filter;

import java.util.List;
import java.util.Map;

/**
 * The learning filter's page: what each classifier has learned, and the report of a
 * training just done.
 *
 * @param report the training's report, or null
 * @param error why the upload was refused (a message key), or null
 */
public record FilterModel(List<FilterTask> tasks, Map<FilterTask, Long> learned, FilterTask chosen,
		TrainingReport report, String error, List<Object> errorArgs) {
}
