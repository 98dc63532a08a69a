package org.veche.publishing.web;

import org.veche.publishing.Article;
import org.veche.site.FormError;

/**
 * What the editor's form (publishing/editor.jte) shows.
 *
 * @param article the article as saved, or null for a new one
 * @param previewHtml the previewed text, empty when no preview was asked for
 * @param notice a message key of what just happened (saved), or null
 * @param error why the form was refused, or null
 * @param canPublish whether the writer may publish and schedule, or only save drafts
 */
public record EditorPage(ArticleForm form, Article article, String previewHtml, String notice, FormError error,
		boolean canPublish) {
}
