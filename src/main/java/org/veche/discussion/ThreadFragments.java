package org.veche.discussion;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.veche.site.Cluster;
import org.veche.site.Page;
import org.veche.site.SiteProperties;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import gg.jte.output.Utf8ByteOutput;

/**
 * Thread pages rendered to HTML once and kept until the thread changes, so that a viral
 * thread costs one render per change rather than one per reader. The fragment is the same
 * for every reader (no names, no tokens); what differs per reader is the form around it.
 * A thread's version moves only after the change has committed, so no reader can cache
 * the state from before it under the new version. The version moves before anyone else
 * hears of the change (highest precedence), so that the guests' page cache, told next,
 * rebuilds with the new thread.
 */
@Component
public class ThreadFragments {

	private static final String TOPIC = "discussion.thread";

	private final Threads threads;

	private final TemplateEngine templates;

	private final MessageSource messages;

	private final SiteProperties site;

	private final Map<Long, AtomicLong> versions = new ConcurrentHashMap<>();

	// an eighth of the heap (10 MB in the 80 MB README recommends): the page cache in
	// front keeps guests' whole pages, so this one mostly serves signed-in readers and
	// the page cache's rebuilds
	private final Cache<Key, Rendered> cache = Caffeine.newBuilder()
		.maximumWeight(Math.max(4L << 20, Runtime.getRuntime().maxMemory() / 8))
		.<Key, Rendered>weigher((key, value) -> value.utf8().length + 200)
		.build();

	private final Cluster cluster;

	ThreadFragments(Threads threads, TemplateEngine templates, MessageSource messages, SiteProperties site,
			Cluster cluster) {
		this.cluster = cluster;
		// a thread changed through another node: its pages here are stale too
		cluster.listen(TOPIC, articleId -> moveOn(Long.parseLong(articleId)));
		this.threads = threads;
		this.templates = templates;
		this.messages = messages;
		this.site = site;
	}

	private record Key(long articleId, ThreadOrder order, int page, String language, long version) {
	}

	/**
	 * A rendered page of a thread and where it stands in the thread. The HTML is kept as
	 * UTF-8, the encoding of every page, so that a page copies the bytes out instead of
	 * encoding a long thread again for each reader (a thread with any non-Latin-1 letter
	 * is a UTF-16 string, slow to encode).
	 */
	public record Rendered(byte[] utf8, int total, int page, int pages, ThreadOrder order) {

		public String html() {
			return new String(utf8, StandardCharsets.UTF_8);
		}

		/**
		 * The HTML for a jte template: written as it is (it was escaped when it was
		 * rendered).
		 */
		public Content content() {
			return output -> output.writeBinaryContent(utf8);
		}

	}

	/**
	 * Which page of which article's thread a reader asks for, in which order and
	 * language.
	 */
	public record Wanted(long articleId, ThreadOrder order, int page, Locale locale) {
	}

	public Rendered render(Wanted wanted) {
		long articleId = wanted.articleId();
		long version = versions.computeIfAbsent(articleId, id -> new AtomicLong()).get();
		var key = new Key(articleId, wanted.order(), Math.max(1, wanted.page()), wanted.locale().getLanguage(),
				version);
		return cache.get(key, k -> {
			ThreadPage thread = threads.thread(articleId, wanted.order(), k.page());
			var output = new Utf8ByteOutput();
			var fragmentPage = new Page(wanted.locale(), messages, site.siteName(), site.timeZone(), null, null, "");
			templates.render("discussion/thread.jte", Map.of("page", fragmentPage, "thread", thread), output);
			return new Rendered(output.toByteArray(), thread.total(), thread.page(), thread.pages(), wanted.order());
		});
	}

	/**
	 * The same page of the thread with the buttons of the comments this reader likes
	 * pressed ("Liked", "Unlike"), for a page without JavaScript. The shared bytes are
	 * left alone; only a reader who likes something here pays for a copy.
	 */
	public Rendered likedBy(Rendered rendered, java.util.Set<Long> liked, Locale locale) {
		if (liked.isEmpty()) {
			return rendered;
		}
		String html = rendered.html();
		var out = new StringBuilder(html.length() + liked.size() * 64);
		String unlike = org.springframework.web.util.HtmlUtils
			.htmlEscape(messages.getMessage("thread.unlike", null, locale));
		String mark = org.springframework.web.util.HtmlUtils
			.htmlEscape(messages.getMessage("thread.liked", null, locale));
		int from = 0;
		while (true) {
			int at = html.indexOf("aria-pressed=\"false\" data-comment=\"", from);
			if (at < 0) {
				break;
			}
			int idStart = at + "aria-pressed=\"false\" data-comment=\"".length();
			int idEnd = html.indexOf('"', idStart);
			int end = html.indexOf("</button></form>", idEnd);
			long id;
			try {
				id = Long.parseLong(html.substring(idStart, idEnd));
			}
			catch (NumberFormatException ex) {
				id = -1;
			}
			if (end < 0 || !liked.contains(id)) {
				out.append(html, from, idStart);
				from = idStart;
				continue;
			}
			out.append(html, from, at)
				.append("aria-pressed=\"true\" data-comment=\"")
				.append(id)
				.append("\">")
				.append(unlike)
				.append("</button></form><span class=\"liked-mark\">")
				.append(mark)
				.append("</span>");
			from = end + "</button></form>".length();
		}
		out.append(html, from, html.length());
		return new Rendered(out.toString().getBytes(StandardCharsets.UTF_8), rendered.total(), rendered.page(),
				rendered.pages(), rendered.order());
	}

	/**
	 * The same HTML with an "Edit" link on the comments this reader may still edit or
	 * delete (their own, within the window). Like {@link #likedBy}, the shared bytes are
	 * left alone; only such a reader pays for a copy.
	 */
	public String changeableBy(String html, java.util.Set<Long> changeable, Locale locale) {
		if (changeable.isEmpty()) {
			return html;
		}
		String label = org.springframework.web.util.HtmlUtils
			.htmlEscape(messages.getMessage("comment.edit", null, locale));
		var out = new StringBuilder(html);
		for (long id : changeable) {
			int at = out.indexOf("<li id=\"comment-" + id + "\"");
			int footer = at < 0 ? -1 : out.indexOf("<footer class=\"comment-actions\">", at);
			if (footer < 0) {
				continue;
			}
			out.insert(footer + "<footer class=\"comment-actions\">".length(),
					"<a class=\"edit-link\" href=\"/comments/" + id + "/edit\" rel=\"nofollow\">" + label + "</a>");
		}
		return out.toString();
	}

	/**
	 * The same page for a moderator: every comment shown gets a button that makes it an
	 * editors' pick or no longer one (a plain form with the moderator's CSRF token). A
	 * moderator's page is never shared, so it pays for its own copy.
	 */
	public Rendered forModerator(Rendered rendered, CsrfToken csrf, Locale locale) {
		String html = rendered.html();
		String feature = org.springframework.web.util.HtmlUtils
			.htmlEscape(messages.getMessage("comment.feature", null, locale));
		String unfeature = org.springframework.web.util.HtmlUtils
			.htmlEscape(messages.getMessage("comment.unfeature", null, locale));
		String token = csrf == null ? ""
				: "<input type=\"hidden\" name=\""
						+ org.springframework.web.util.HtmlUtils.htmlEscape(csrf.getParameterName()) + "\" value=\""
						+ org.springframework.web.util.HtmlUtils.htmlEscape(csrf.getToken()) + "\">";
		var out = new StringBuilder(html.length() + 4096);
		String start = "<li id=\"comment-";
		String footer = "<footer class=\"comment-actions\">";
		int from = 0;
		while (true) {
			int at = html.indexOf(start, from);
			int tagEnd = at < 0 ? -1 : html.indexOf('>', at);
			int actions = tagEnd < 0 ? -1 : html.indexOf(footer, tagEnd);
			if (actions < 0) {
				break;
			}
			String tag = html.substring(at, tagEnd);
			long id;
			try {
				id = Long.parseLong(tag.substring(start.length(), tag.indexOf('"', start.length())));
			}
			catch (RuntimeException ex) {
				out.append(html, from, tagEnd);
				from = tagEnd;
				continue;
			}
			int insertAt = actions + footer.length();
			out.append(html, from, insertAt);
			if (!tag.contains(" deleted\"")) {
				boolean featured = tag.contains(" featured\"") || tag.contains(" featured ");
				out.append("<form class=\"feature\" method=\"post\" action=\"/moderation/comments/")
					.append(id)
					.append("/feature\">")
					.append(token)
					.append("<input type=\"hidden\" name=\"from\" value=\"thread\">")
					.append("<input type=\"hidden\" name=\"featured\" value=\"")
					.append(!featured)
					.append("\">")
					.append("<button type=\"submit\" class=\"link\" data-feature=\"")
					.append(!featured)
					.append("\">")
					.append(featured ? unfeature : feature)
					.append("</button></form>");
			}
			from = insertAt;
		}
		out.append(html, from, html.length());
		return new Rendered(out.toString().getBytes(StandardCharsets.UTF_8), rendered.total(), rendered.page(),
				rendered.pages(), rendered.order());
	}

	public Rendered changeableBy(Rendered rendered, java.util.Set<Long> changeable, Locale locale) {
		if (changeable.isEmpty()) {
			return rendered;
		}
		return new Rendered(changeableBy(rendered.html(), changeable, locale).getBytes(StandardCharsets.UTF_8),
				rendered.total(), rendered.page(), rendered.pages(), rendered.order());
	}

	/**
	 * The heading over the thread: "No comments yet", "1 comment", "5 comments", in the
	 * reader's language.
	 */
	public String heading(int total, Locale locale) {
		var fragmentPage = new Page(locale, messages, site.siteName(), site.timeZone(), null, null, "");
		return total == 0 ? fragmentPage.t("thread.none") : fragmentPage.plural("article.comments", total);
	}

	/** One comment rendered alone, for the reply that JavaScript inserts in place. */
	public String renderOne(Comment comment, Locale locale) {
		var output = new StringOutput();
		var fragmentPage = new Page(locale, messages, site.siteName(), site.timeZone(), null, null, "");
		var node = new ThreadNode(comment, 0, null, false, java.util.List.of());
		templates.render("discussion/comment.jte", Map.of("page", fragmentPage, "node", node), output);
		return output.toString();
	}

	@Order(Ordered.HIGHEST_PRECEDENCE)
	@TransactionalEventListener(fallbackExecution = true)
	void on(CommentPosted posted) {
		// a held comment is in no rendered thread (they show approved comments only):
		// nothing to render again, here or on the other nodes, however many a raid brings
		if (posted.status() == CommentStatus.APPROVED) {
			changed(posted.articleId());
		}
	}

	@Order(Ordered.HIGHEST_PRECEDENCE)
	@TransactionalEventListener(fallbackExecution = true)
	void on(CommentLiked liked) {
		changed(liked.articleId());
	}

	@Order(Ordered.HIGHEST_PRECEDENCE)
	@TransactionalEventListener(fallbackExecution = true)
	void on(CommentEdited edited) {
		changed(edited.articleId());
	}

	@Order(Ordered.HIGHEST_PRECEDENCE)
	@TransactionalEventListener(fallbackExecution = true)
	void on(CommentStatusChanged changed) {
		changed(changed.articleId());
	}

	@Order(Ordered.HIGHEST_PRECEDENCE)
	@TransactionalEventListener(fallbackExecution = true)
	void on(CommentsImported imported) {
		changed(imported.articleId());
	}

	@Order(Ordered.HIGHEST_PRECEDENCE)
	@TransactionalEventListener(fallbackExecution = true)
	void on(CommentsErased erased) {
		erased.articleIds().forEach(this::changed);
	}

	private void changed(long articleId) {
		moveOn(articleId);
		// after the commit already (these listeners run then): told at once
		cluster.tell(TOPIC, Long.toString(articleId));
	}

	private void moveOn(long articleId) {
		long current = versions.computeIfAbsent(articleId, id -> new AtomicLong()).incrementAndGet();
		cache.asMap().keySet().removeIf(key -> key.articleId() == articleId && key.version() < current);
	}

}
