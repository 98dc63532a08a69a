package org.veche.discussion;

/**
 * A comment the {@link CommentScreen} judged was stored with the verdict's status (a new
 * comment, or its author's edit), told inside the same transaction: the screen's module
 * keeps its reasons beside the comment and holds the earlier comments this one showed to
 * be one attack with it. Listen with a plain {@code @EventListener}, so that a failure
 * undoes the post; never after the commit: the candidate carries the author's network
 * address, which must not be written to the log of events kept for listeners after the
 * commit.
 *
 * @param commentId the comment as stored
 * @param candidate what the screen was asked about
 * @param verdict what it answered
 */
public record CommentScreened(long commentId, CommentScreen.Candidate candidate, CommentScreen.Verdict verdict) {
}
