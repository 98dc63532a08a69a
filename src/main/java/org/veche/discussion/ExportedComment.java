package org.veche.discussion;

/**
 * A comment with its author's e-mail, which only a whole-site export may carry out of the
 * discussion module (a WordPress export keeps it, as WordPress does).
 */
public record ExportedComment(Comment comment, String authorEmail) {
}
