package org.veche.discussion.web;

import org.veche.discussion.CommentForm;
import org.veche.publishing.Article;

/**
 * What the page of a refused reply (discussion/reply.jte) shows: the form again, filled
 * in, with the reason.
 */
public record ReplyPage(Article article, CommentForm form) {
}
