package org.veche.discussion;

import java.util.Locale;

import org.springframework.stereotype.Component;
import org.veche.discussion.internal.Comments;
import org.veche.site.Markdown;
import org.veche.site.RejectedInput;

/**
 * A comment's text as it is checked and rendered wherever it is written: a post, a
 * moderator's correction and its author's edit go through the same rules, so that no way
 * in lets through what another refuses.
 */
@Component
class CommentTexts {

	private final Comments comments;

	private final Markdown markdown;

	private final DiscussionProperties settings;

	CommentTexts(Comments comments, Markdown markdown, DiscussionProperties settings) {
		this.comments = comments;
		this.markdown = markdown;
		this.settings = settings;
	}

	/**
	 * A comment's HTML, its {@code @name} mentions of those who commented before it in
	 * the thread linked to their latest comment (the thread's names are read only when
	 * the text has an @ at all).
	 */
	String rendered(long articleId, long beforeId, String body) {
		if (body.indexOf('@') < 0) {
			return markdown.comment(body);
		}
		var anchors = new java.util.HashMap<String, Long>();
		comments.mentionable(articleId, beforeId).forEach((name, id) -> {
			// many guests, none of them in particular
			if (!Discussions.ANONYMOUS.equals(name)) {
				anchors.merge(name.strip().toLowerCase(Locale.ROOT), id, Math::max);
			}
		});
		var mentionable = new java.util.HashMap<String, String>();
		anchors.forEach((name, id) -> mentionable.put(name, "comment-" + id));
		return markdown.comment(body, mentionable);
	}

	String body(String value) {
		String body = value == null ? "" : value.strip();
		if (body.isEmpty()) {
			throw new RejectedInput("comment.body.required");
		}
		if (body.length() > settings.maxLength()) {
			throw new RejectedInput("comment.body.tooLong", settings.maxLength());
		}
		if (hasControl(body, true)) {
			throw new RejectedInput("input.controlCharacters");
		}
		return body;
	}

	/**
	 * C0 controls and DEL (tabs and line breaks allowed in bodies); PostgreSQL cannot
	 * even store NUL. Also what no page can show: half a surrogate pair (a JSON escape
	 * can carry one; the database stores "?") and Unicode noncharacters (the HTML
	 * sanitizer drops them, so a comment of only U+FFFE would be stored empty).
	 */
	static boolean hasControl(String text, boolean lineBreaksAllowed) {
		return text.codePoints()
			.anyMatch(c -> (c < 0x20 || (c >= 0x7f && c <= 0x9f))
					&& !(lineBreaksAllowed && (c == '\n' || c == '\r' || c == '\t'))
					|| (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) || (c & 0xfffe) == 0xfffe
					|| (c >= 0xfdd0 && c <= 0xfdef));
	}

}
