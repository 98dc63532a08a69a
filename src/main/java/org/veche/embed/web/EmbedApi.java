package org.veche.embed.web;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.veche.discussion.Comment;
import org.veche.discussion.CommentLikes;
import org.veche.discussion.CommentRecords;
import org.veche.discussion.Commenter;
import org.veche.discussion.Reply;
import org.veche.discussion.ThreadNode;
import org.veche.discussion.ThreadOrder;
import org.veche.discussion.ThreadPage;
import org.veche.discussion.Threads;
import org.veche.embed.EmbeddedPage;
import org.veche.embed.EmbeddedPages;
import org.veche.embed.NamedPage;
import org.veche.embed.PageUrl;
import org.veche.embed.internal.EmbedTokens;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleLookup;
import org.veche.site.RejectedInput;

/**
 * The JSON the embed script reads and posts from another site: a page's thread, new
 * comments and replies (the first one starts the thread), likes, comment counts, and the
 * reader's embed sign-in.
 */
@RestController
class EmbedApi {

	private final EmbeddedPages pages;

	private final CommentRecords records;

	private final CommentLikes likes;

	private final Threads threads;

	private final ArticleLookup articles;

	private final EmbedReaders readers;

	private final EmbedTexts texts;

	private final EmbedTokens tokens;

	private final Clock clock;

	EmbedApi(EmbeddedPages pages, CommentRecords records, CommentLikes likes, Threads threads, ArticleLookup articles,
			EmbedReaders readers, EmbedTexts texts, EmbedTokens tokens, Clock clock) {
		this.clock = clock;
		this.pages = pages;
		this.records = records;
		this.likes = likes;
		this.threads = threads;
		this.articles = articles;
		this.readers = readers;
		this.texts = texts;
		this.tokens = tokens;
	}

	record Author(String name, String url) {
	}

	record Node(long id, Long parentId, Author author, String html, Instant createdAt, int likes, boolean liked,
			String likedBy, String inReplyTo, String status, List<Node> replies) {
	}

	/**
	 * @param closed no new comments (the editor closed the thread, or the site closes old
	 * ones)
	 * @param nameAndEmailRequired guests must give both
	 */
	record Thread(String url, String articleUrl, int total, String totalLabel, int page, int pages, List<Node> comments,
			Reader reader, boolean closed, boolean guestsMayComment, boolean nameAndEmailRequired,
			Map<String, String> texts) {
	}

	record Reader(String name, String line) {
	}

	record NewAuthor(String name, String email, String url) {
	}

	/**
	 * @param notifyReplies and notifyAllComments: the form's two notification choices, as
	 * on the site's own form
	 */
	record NewComment(String url, String title, Long parentId, NewAuthor author, String body, Boolean notifyReplies,
			Boolean notifyAllComments) {
	}

	record LikeState(int likes, boolean liked, String likedBy) {
	}

	record Count(int count, String label) {
	}

	@GetMapping("/embed/v1/thread")
	Thread thread(@RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "1") int page,
			HttpServletRequest request) {
		PageUrl address = pages.allowedPage(url);
		Locale locale = RequestContextUtils.getLocale(request);
		Commenter who = readers.of(request);
		var found = pages.find(address.url());
		Reader reader = reader(request, locale);
		if (found.isEmpty()) {
			var rules = records.openness(notStarted(address));
			return new Thread(address.url(), null, 0, texts.comments(locale, 0), 1, 1, List.of(), reader,
					rules.closed(), rules.guestsMayComment(), rules.nameAndEmailRequired(), texts.forScript(locale));
		}
		EmbeddedPage embedded = found.get();
		Article article = articles.article(embedded.articleId()).orElseThrow();
		var rules = records.openness(article);
		ThreadPage thread = threads.thread(embedded.articleId(), ThreadOrder.OLDEST, Math.max(1, page));
		Set<Long> liked = likes.likedBy(who, embedded.articleId());
		List<Node> nodes = thread.roots().stream().map(n -> node(n, liked, locale)).toList();
		String articleUrl = request.getScheme() + "://" + request.getServerName()
				+ (isDefaultPort(request) ? "" : ":" + request.getServerPort()) + embedded.articlePath();
		return new Thread(address.url(), articleUrl, thread.total(), texts.comments(locale, thread.total()),
				thread.page(), thread.pages(), nodes, reader, rules.closed(), rules.guestsMayComment(),
				rules.nameAndEmailRequired(), texts.forScript(locale));
	}

	/** A page without a thread yet has the rules a new thread would get. */
	private Article notStarted(PageUrl page) {
		Instant now = clock.instant();
		return new Article(0, "", Article.Kind.EXTERNAL_PAGE, new Article.Copy(page.url(), "", "", ""),
				new Article.Byline(null, page.host(), new Article.Source(page.host(), page.url())),
				new Article.Schedule(Article.Status.PUBLISHED, now, now), null, List.of(), Article.Discussion.OPEN);
	}

	@PostMapping("/embed/v1/comments")
	ResponseEntity<Node> post(@RequestBody NewComment body, HttpServletRequest request) {
		NewAuthor author = body.author() == null ? new NewAuthor(null, null, null) : body.author();
		Comment comment = pages.post(new NamedPage(body.url(), body.title()),
				new Reply(body.parentId(), author.name(), author.email(), author.url(), body.body(),
						Boolean.TRUE.equals(body.notifyReplies()), Boolean.TRUE.equals(body.notifyAllComments())),
				readers.of(request));
		Locale locale = RequestContextUtils.getLocale(request);
		Node node = node(new ThreadNode(comment, 0, null, false, List.of()), Set.of(), locale);
		return ResponseEntity.status(comment.isApproved() ? HttpStatus.CREATED : HttpStatus.ACCEPTED).body(node);
	}

	@PostMapping("/embed/v1/comments/{id}/like")
	LikeState like(@PathVariable long id, HttpServletRequest request) {
		return like(id, true, request);
	}

	@DeleteMapping("/embed/v1/comments/{id}/like")
	LikeState unlike(@PathVariable long id, HttpServletRequest request) {
		return like(id, false, request);
	}

	@GetMapping("/embed/v1/counts")
	Map<String, Count> counts(@RequestParam(name = "url", defaultValue = "") List<String> urls,
			HttpServletRequest request) {
		if (urls.size() > EmbeddedPages.MAX_COUNTS) {
			throw new RejectedInput("embed.counts.tooMany", EmbeddedPages.MAX_COUNTS);
		}
		Locale locale = RequestContextUtils.getLocale(request);
		var counts = new LinkedHashMap<String, Count>();
		pages.counts(urls).forEach((url, n) -> counts.put(url, new Count(n, texts.comments(locale, n))));
		return counts;
	}

	/**
	 * Who the embed's token signs in, or null: the script asks while the sign-in window
	 * is open.
	 */
	@GetMapping("/embed/v1/me")
	Map<String, Reader> me(HttpServletRequest request) {
		var answer = new LinkedHashMap<String, Reader>();
		answer.put("reader", reader(request, RequestContextUtils.getLocale(request)));
		return answer;
	}

	@DeleteMapping("/embed/v1/session")
	ResponseEntity<Void> signOut(HttpServletRequest request) {
		tokens.revoke(EmbedReaders.token(request));
		return ResponseEntity.noContent().build();
	}

	private LikeState like(long id, boolean like, HttpServletRequest request) {
		Commenter who = readers.of(request);
		var state = likes.like(id, who, like);
		return new LikeState(state.likes(), state.liked(),
				texts.likedBy(RequestContextUtils.getLocale(request), state.likes()));
	}

	private Reader reader(HttpServletRequest request, Locale locale) {
		return readers.signedIn(request)
			.map(r -> new Reader(r.account().displayName(),
					r.provider() != null ? texts.t(locale, "form.commentingWith", r.provider())
							: texts.t(locale, "form.commentingAs", r.account().displayName())))
			.orElse(null);
	}

	private Node node(ThreadNode n, Set<Long> liked, Locale locale) {
		Comment c = n.comment();
		return new Node(c.id(), c.parentId(), new Author(c.authorName(), c.authorUrl()), c.bodyHtml(), c.createdAt(),
				c.likes(), liked.contains(c.id()), texts.likedBy(locale, c.likes()),
				n.inReplyTo() == null ? null : n.inReplyTo().authorName(), c.status().name().toLowerCase(Locale.ROOT),
				n.replies().stream().map(r -> node(r, liked, locale)).toList());
	}

	private static boolean isDefaultPort(HttpServletRequest request) {
		int port = request.getServerPort();
		return ("http".equals(request.getScheme()) && port == 80)
				|| ("https".equals(request.getScheme()) && port == 443);
	}

}
