package org.veche.moderation;

/**
 * A reader reported a comment. Published after the report is stored; moderators may be
 * told of it.
 *
 * @param reason what the reader says is wrong with it
 * @param reports how many readers have reported it so far, this one included
 * @param held whether this report took the comment off the page for review
 */
public record CommentReported(long commentId, long articleId, ReportReason reason, int reports, boolean held) {
}
