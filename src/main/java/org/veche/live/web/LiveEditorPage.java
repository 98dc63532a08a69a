package org.veche.live.web;

import org.veche.live.LiveBlogView;
import org.veche.publishing.Article;
import org.veche.site.FormError;

/**
 * What the live blog's editor (live/editor.jte) shows for one article.
 *
 * @param text the update being written, kept when it was refused
 * @param notice a message key of what just happened, or null
 * @param error why the update was refused, or null
 */
public record LiveEditorPage(Article article, LiveBlogView blog, String text, String notice, FormError error) {
}
