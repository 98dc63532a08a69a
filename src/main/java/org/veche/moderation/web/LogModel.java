package org.veche.moderation.web;

import java.util.List;

import org.veche.moderation.LoggedAction;

/**
 * A page of the moderation log, newest first.
 */
public record LogModel(List<LoggedAction> actions, int pageNumber, int pages) {
}
