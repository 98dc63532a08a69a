package org.veche.discussion.internal;

import static org.veche.discussion.internal.Comments.ACCOUNT_ID;
import static org.veche.discussion.internal.Comments.ARTICLE_ID;
import static org.veche.discussion.internal.Comments.AUTHOR_EMAIL;
import static org.veche.discussion.internal.Comments.AUTHOR_NAME;
import static org.veche.discussion.internal.Comments.AUTHOR_URL;
import static org.veche.discussion.internal.Comments.BODY;
import static org.veche.discussion.internal.Comments.BODY_HTML;
import static org.veche.discussion.internal.Comments.COMMENT;
import static org.veche.discussion.internal.Comments.CREATED_AT;
import static org.veche.discussion.internal.Comments.DEPTH;
import static org.veche.discussion.internal.Comments.ID;
import static org.veche.discussion.internal.Comments.KIND;
import static org.veche.discussion.internal.Comments.LIKES;
import static org.veche.discussion.internal.Comments.PARENT_ID;
import static org.veche.discussion.internal.Comments.STATUS;

import java.time.Instant;
import java.util.List;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.veche.discussion.Comment;
import org.veche.discussion.CommentKind;
import org.veche.discussion.CommentStatus;
import org.veche.discussion.ExportedComment;

/**
 * The comment table read whole, article by article, for an export.
 */
@Repository
public class ExportedComments {

	private final DSLContext db;

	ExportedComments(DSLContext db) {
		this.db = db;
	}

	public List<ExportedComment> of(long articleId) {
		return db
			.select(ID, ARTICLE_ID, PARENT_ID, DEPTH, AUTHOR_NAME, AUTHOR_EMAIL, AUTHOR_URL, ACCOUNT_ID, BODY,
					BODY_HTML, STATUS, CREATED_AT, LIKES, KIND)
			.from(COMMENT)
			.where(ARTICLE_ID.eq(articleId))
			.orderBy(ID)
			.fetch(r -> new ExportedComment(new Comment(r.get(ID), r.get(ARTICLE_ID), r.get(PARENT_ID), r.get(DEPTH),
					r.get(AUTHOR_NAME), r.get(AUTHOR_URL), r.get(ACCOUNT_ID), r.get(BODY), r.get(BODY_HTML),
					CommentStatus.valueOf(r.get(STATUS)), Instant.ofEpochMilli(r.get(CREATED_AT)), r.get(LIKES),
					CommentKind.valueOf(r.get(KIND))), r.get(AUTHOR_EMAIL)));
	}

	public long count() {
		return db.fetchCount(COMMENT);
	}

}
