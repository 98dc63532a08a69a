package org.veche.discussion.web;

import org.veche.discussion.Comment;
import org.veche.publishing.Article;

/**
 * What the page for changing one's own comment (discussion/edit.jte) shows.
 *
 * @param text the text as the reader last wrote it
 * @param error the message key of why the change was refused, or null
 * @param minutes how long after posting a comment may be changed
 */
public record EditCommentPage(Article article, Comment comment, String text, String error, long minutes) {
}
