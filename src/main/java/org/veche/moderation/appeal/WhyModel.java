package org.veche.moderation.appeal;

/**
 * The author's page of why their comment was held or removed, and their appeal.
 *
 * @param notice "appealed" (a message key), or null
 * @param error why the appeal was refused (a message key), or null
 * @param message the appeal's text as the author wrote it, shown again with an error
 */
public record WhyModel(AppealDesk.AuthorView view, String notice, String error, Object[] errorArgs, String message) {
}
