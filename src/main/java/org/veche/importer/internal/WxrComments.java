package org.veche.importer.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.veche.discussion.CommentKind;
import org.veche.discussion.CommentStatus;
import org.veche.discussion.CommentIntake;
import org.veche.discussion.ImportedComment;
import org.veche.importer.ImportProgress;
import org.veche.importer.ImportReport;

/**
 * The comments of one WordPress item, parents before replies whatever their order in the
 * file, each with its status, date and kind; a comment an earlier import brought in is
 * left alone, and new replies still find it.
 */
@Component
class WxrComments {

	private final CommentIntake intake;

	private final ImportedIds ids;

	private final Clock clock;

	WxrComments(CommentIntake intake, ImportedIds ids, Clock clock) {
		this.intake = intake;
		this.ids = ids;
		this.clock = clock;
	}

	void add(XmlNode item, String source, long articleId, ImportProgress progress, ImportReport report) {
		var byId = new LinkedHashMap<String, XmlNode>();
		for (XmlNode comment : item.children("wp:comment")) {
			byId.put(comment.text("wp:comment_id"), comment);
		}
		var done = new HashMap<String, Long>();
		var visiting = new HashSet<String>();
		int added = 0;
		for (String id : byId.keySet()) {
			added += add(id, byId, done, visiting, source, articleId, progress, report);
		}
		if (added > 0) {
			intake.importedInto(articleId, added);
		}
	}

	/** Adds the comment after its parent; returns how many were added. */
	private int add(String id, Map<String, XmlNode> byId, Map<String, Long> done, Set<String> visiting, String source,
			long articleId, ImportProgress progress, ImportReport report) {
		if (done.containsKey(id) || !visiting.add(id)) {
			return 0;
		}
		XmlNode comment = byId.get(id);
		String parentRef = comment.text("wp:comment_parent");
		int added = 0;
		Long parentId = null;
		if (!parentRef.isEmpty() && !parentRef.equals("0")) {
			if (byId.containsKey(parentRef) && !visiting.contains(parentRef)) {
				added += add(parentRef, byId, done, visiting, source, articleId, progress, report);
			}
			parentId = done.get(parentRef);
			if (parentId == null) {
				parentId = ids.find(source, ImportedIds.Kind.COMMENT, parentRef).orElse(null);
			}
			if (parentId == null) {
				report.skip("importer.note.orphan", id, parentRef);
			}
		}
		progress.step();
		var existing = ids.find(source, ImportedIds.Kind.COMMENT, id);
		if (existing.isPresent()) {
			done.put(id, existing.get());
			report.count("importer.count.commentsAlreadyThere");
			return added;
		}
		String body = Clean.text(HtmlText.commentMarkdown(comment.rawText("wp:comment_content")));
		if (body.isBlank()) {
			report.skip("importer.skip.emptyComment", id);
			return added;
		}
		CommentKind kind = switch (comment.text("wp:comment_type").toLowerCase(Locale.ROOT)) {
			case "pingback" -> CommentKind.PINGBACK;
			case "trackback" -> CommentKind.TRACKBACK;
			default -> CommentKind.COMMENT;
		};
		CommentStatus status = switch (comment.text("wp:comment_approved").toLowerCase(Locale.ROOT)) {
			case "1", "approve", "approved" -> CommentStatus.APPROVED;
			case "spam" -> CommentStatus.SPAM;
			case "trash", "post-trashed" -> CommentStatus.TRASH;
			default -> CommentStatus.PENDING;
		};
		String url = Clean.webAddress(comment.text("wp:comment_author_url"));
		String name = Clean.line(HtmlText.unescape(comment.text("wp:comment_author")), 100);
		if (name.isEmpty()) {
			name = url != null ? java.net.URI.create(url).getHost() : "—";
		}
		Instant date = Dates.wordpress(comment.text("wp:comment_date_gmt"))
			.or(() -> Dates.wordpress(comment.text("wp:comment_date")))
			.orElse(clock.instant());
		long commentId = intake
			.importComment(new ImportedComment(articleId, parentId, name,
					Clean.email(comment.text("wp:comment_author_email")), url, body, status, kind, date))
			.id();
		ids.remember(source, ImportedIds.Kind.COMMENT, id, commentId, clock.instant());
		done.put(id, commentId);
		report.count("importer.count.comments");
		report.count("importer.count.comments." + status.name().toLowerCase(Locale.ROOT));
		if (kind != CommentKind.COMMENT) {
			report.count("importer.count." + kind.name().toLowerCase(Locale.ROOT) + "s");
		}
		return added + 1;
	}

}
