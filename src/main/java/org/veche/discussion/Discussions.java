package org.veche.discussion;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.veche.discussion.internal.Comments;
import org.veche.discussion.internal.PostingTurns;
import org.veche.discussion.internal.ThreadAssembler;
import org.veche.identity.Identity;
import org.veche.privacy.AddressHasher;
import org.veche.publishing.Article;
import org.veche.site.Markdown;
import org.veche.site.RejectedInput;

/**
 * What is done to comments: readers post, change and delete their own, moderators decide
 * their status; and a comment by its id. Threads are read through {@link Threads}, liked
 * through {@link CommentLikes}, searched through {@link CommentSearch}, and imported
 * through {@link CommentIntake}.
 */
@Service
public class Discussions {

	static final int MAX_NAME = 100;

	static final int MAX_EMAIL = 254;

	static final int MAX_URL = 500;

	/**
	 * The name of a guest who gave none, where the site does not ask for one (as
	 * WordPress stores it).
	 */
	static final String ANONYMOUS = "Anonymous";

	private final Comments comments;

	private final Markdown markdown;

	private final AddressHasher addresses;

	private final DiscussionProperties settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Identity identity;

	private final CommentScreen screen;

	private final PostingTurns turns;

	private final TransactionTemplate transactions;

	Discussions(Comments comments, Markdown markdown, AddressHasher addresses, DiscussionProperties settings,
			ApplicationEventPublisher events, Clock clock, Identity identity, Optional<CommentScreen> screen,
			PostingTurns turns, PlatformTransactionManager transactions) {
		this.turns = turns;
		this.transactions = new TransactionTemplate(transactions);
		this.identity = identity;
		// without a module that moderates (a module test of discussion alone), every
		// comment is approved
		this.screen = screen.orElseGet(() -> new Unscreened(settings.guestsMayComment()));
		this.comments = comments;
		this.markdown = markdown;
		this.addresses = addresses;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Checks a reply and stores it with the status the screen gives it (held and spam
	 * comments are stored, unseen by readers); what the screen refuses (comments closed,
	 * a ban, the flood limit) is not stored. The post waits for its turn first (see
	 * {@link #inPostingTurn}), and holds it until the rest of the site has heard of the
	 * comment after the commit.
	 * @throws RejectedInput 503 with a Retry-After when the site takes so many posts that
	 * this one got no turn
	 */
	public Comment post(Article article, Reply reply, Commenter who) {
		return turns.take(() -> transactions.execute(status -> store(article, reply, who)));
	}

	/**
	 * Runs work that posts a comment in one posting turn: the work of a caller that
	 * stores something with the comment in a transaction of its own (the embed's page and
	 * its first comment), or that renders its answer after the post. Comment posts run a
	 * few at a time on a node ({@code veche.posting.concurrency}), so that a flood of
	 * them leaves CPU to readers.
	 * @throws RejectedInput 503 with a Retry-After when no turn came within
	 * {@code veche.posting.max-wait}
	 */
	public <T> T inPostingTurn(Supplier<T> work) {
		return turns.take(work);
	}

	private Comment store(Article article, Reply reply, Commenter who) {
		Instant now = clock.instant();
		if (!article.isVisibleAt(now)) {
			throw new RejectedInput(HttpStatus.NOT_FOUND, "article.notFound");
		}
		CommentScreen.Openness openness = screen.openness(article);
		if (openness.closed()) {
			throw new RejectedInput(HttpStatus.FORBIDDEN, "comment.closed");
		}
		boolean asAccount = who.accountId() != null;
		if (!asAccount && !openness.guestsMayComment()) {
			throw new RejectedInput(HttpStatus.UNAUTHORIZED, "comment.signInRequired");
		}
		// a self-made account speaks under its address only once the address is shown to
		// be its owner's
		if (asAccount && identity.account(who.accountId()).filter(a -> a.emailVerified()).isEmpty()) {
			throw new RejectedInput(HttpStatus.FORBIDDEN, "comment.account.unverified");
		}
		boolean authorGiven = reply.authorName() != null && !reply.authorName().isBlank();
		boolean required = openness.nameAndEmailRequired();
		// Staff posting through the API may speak for someone else (imports, tests);
		// readers post as themselves.
		boolean own = asAccount && !(who.staff() && authorGiven);
		String name = own ? who.accountName() : name(reply.authorName(), required);
		String email = own ? who.accountEmail() : email(reply.authorEmail(), required);
		String url = url(reply.authorUrl());
		String body = body(reply.body());
		Comment parent = null;
		if (reply.parentId() != null) {
			parent = comments.byId(reply.parentId())
				.filter(p -> p.articleId() == article.id() && p.isApproved())
				.orElseThrow(() -> new RejectedInput("comment.parent.unknown"));
		}
		String addressHash = addresses.hash(who.address());
		var candidate = new CommentScreen.Candidate(article, parent == null ? null : parent.id(), name, email, url,
				who.accountId(), comments.hasApproved(who.accountId(), email), body, addressHash, who.staff(),
				comments.lastPostBy(addressHash, email).orElse(null), now, who.address());
		CommentScreen.Verdict verdict = screen.screen(candidate);
		Comment comment = comments.added(new Comments.NewRow(article.id(), parent == null ? null : parent.id(),
				parent == null ? 0 : parent.depth() + 1, name, email, url, who.accountId(), body,
				rendered(article.id(), Long.MAX_VALUE, body), verdict.status(), now, addressHash));
		long id = comment.id();
		// screening marks earlier comments of a raid, never this one: its row is as it
		// was stored
		events.publishEvent(new CommentScreened(id, candidate, verdict));
		events.publishEvent(
				new CommentPosted(id, article.id(), comment.parentId(), comment.status(), mentionedIn(comment)));
		if (email != null && !email.isEmpty() && (reply.notifyReplies() || reply.notifyAllComments())) {
			events.publishEvent(new CommentNotificationsRequested(id, article.id(), email, who.accountId(),
					reply.notifyReplies(), reply.notifyAllComments()));
		}
		return comment;
	}

	/**
	 * A comment's HTML, its {@code @name} mentions of those who commented before it in
	 * the thread linked to their latest comment (the thread's names are read only when
	 * the text has an @ at all).
	 */
	private String rendered(long articleId, long beforeId, String body) {
		if (body.indexOf('@') < 0) {
			return markdown.comment(body);
		}
		var anchors = new java.util.HashMap<String, Long>();
		comments.mentionable(articleId, beforeId).forEach((name, id) -> {
			if (!ANONYMOUS.equals(name)) { // many guests, none of them in particular
				anchors.merge(name.strip().toLowerCase(Locale.ROOT), id, Math::max);
			}
		});
		var mentionable = new java.util.HashMap<String, String>();
		anchors.forEach((name, id) -> mentionable.put(name, "comment-" + id));
		return markdown.comment(body, mentionable);
	}

	/**
	 * The comments this one mentions: the targets of the mention links its HTML carries
	 * (only the rendering makes them; a link a reader writes has no such class).
	 */
	public List<Long> mentionedIn(Comment comment) {
		var ids = new java.util.LinkedHashSet<Long>();
		var links = MENTION_LINK.matcher(comment.bodyHtml() == null ? "" : comment.bodyHtml());
		while (links.find()) {
			var target = MENTION_TARGET.matcher(links.group());
			if (links.group().contains("class=\"mention\"") && target.find()) {
				ids.add(Long.parseLong(target.group(1)));
			}
		}
		return List.copyOf(ids);
	}

	private static final java.util.regex.Pattern MENTION_LINK = java.util.regex.Pattern.compile("<a\\s[^>]*>");

	private static final java.util.regex.Pattern MENTION_TARGET = java.util.regex.Pattern
		.compile("href=\"#comment-(\\d{1,18})\"");

	/** What the comment form may offer on this article. */
	public CommentScreen.Openness openness(Article article) {
		return screen.openness(article);
	}

	/**
	 * Moves a comment to another status (a moderator's decision) and tells the rest of
	 * the site after the change commits; nothing happens when it already has that status.
	 * @return the change, or empty when there was none
	 */
	@Transactional
	public Optional<CommentStatusChanged> changeStatus(long commentId, CommentStatus to) {
		Comment comment = comments.byId(commentId)
			.orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "comment.notFound"));
		if (comment.status() == to) {
			return Optional.empty();
		}
		comments.setStatus(commentId, to);
		var changed = new CommentStatusChanged(commentId, comment.articleId(), comment.parentId(), comment.status(),
				to);
		events.publishEvent(changed);
		return Optional.of(changed);
	}

	/**
	 * A moderator's correction of a comment's text, rendered again as at posting time.
	 */
	@Transactional
	public Comment edit(long commentId, String newBody) {
		Comment comment = comments.byId(commentId)
			.orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "comment.notFound"));
		String body = body(newBody);
		comments.setBody(commentId, body, rendered(comment.articleId(), commentId, body));
		events.publishEvent(new CommentEdited(commentId, comment.articleId()));
		return comments.byId(commentId).orElseThrow();
	}

	/** How long after posting its author may still edit or delete a comment. */
	public java.time.Duration editWindow() {
		return screen.editWindow();
	}

	/**
	 * Whether this reader may still change the comment: theirs (by account, or for a
	 * guest by the signed cookie of their own comments), not deleted, and posted within
	 * the edit window.
	 * @param guestOwned the ids the guest's signed cookie names (empty for a signed-in
	 * reader)
	 */
	public boolean mayChange(Comment comment, Commenter who, Collection<Long> guestOwned) {
		boolean own = who.accountId() != null ? who.accountId().equals(comment.accountId())
				: comment.accountId() == null && guestOwned.contains(comment.id());
		return own && !comment.deleted() && comment.status() != CommentStatus.TRASH
				&& comment.kind() == CommentKind.COMMENT
				&& comment.createdAt().plus(editWindow()).isAfter(clock.instant());
	}

	/**
	 * The comments of the article this reader may still change (see {@link #mayChange}).
	 */
	public Set<Long> changeableOn(long articleId, Commenter who, Collection<Long> guestOwned) {
		var since = clock.instant().minus(editWindow());
		Collection<Long> candidates = who.accountId() != null ? comments.recentBy(articleId, who.accountId(), since)
				: guestOwned;
		if (candidates.isEmpty()) {
			return Set.of();
		}
		var ids = new java.util.HashSet<Long>();
		for (Comment c : comments.byIds(candidates)) {
			if (c.articleId() == articleId && mayChange(c, who, guestOwned)) {
				ids.add(c.id());
			}
		}
		return ids;
	}

	/**
	 * Its author's new text, screened again as a new comment would be (an edit cannot
	 * carry spam past the filter): a held or spam verdict takes an approved comment down;
	 * an approved verdict leaves a held one held.
	 * @throws RejectedInput 403 when the reader may not change it (not theirs, or the
	 * window has passed)
	 */
	@Transactional
	public Comment editOwn(OwnComment own, String newBody) {
		Article article = own.article();
		long commentId = own.commentId();
		Commenter who = own.who();
		Collection<Long> guestOwned = own.guestOwned();
		Comment comment = changeable(article, commentId, who, guestOwned);
		String body = body(newBody);
		if (body.equals(comment.body())) {
			return comment;
		}
		Instant now = clock.instant();
		var author = comments.author(commentId).orElseThrow();
		var candidate = new CommentScreen.Candidate(article, comment.parentId(), comment.authorName(), author.email(),
				comment.authorUrl(), comment.accountId(), comments.hasApproved(author.accountId(), author.email()),
				body, author.addressHash(), who.staff(), null, now, who.address());
		CommentScreen.Verdict verdict = screen.screen(candidate);
		CommentStatus status = verdict.status() == CommentStatus.APPROVED ? comment.status() : verdict.status();
		comments.edit(commentId, comment.body(), body, rendered(comment.articleId(), commentId, body), status, now);
		events.publishEvent(new CommentScreened(commentId, candidate, verdict));
		events.publishEvent(new CommentEdited(commentId, comment.articleId()));
		if (status != comment.status()) {
			events.publishEvent(new CommentStatusChanged(commentId, comment.articleId(), comment.parentId(),
					comment.status(), status));
		}
		return comments.byId(commentId).orElseThrow();
	}

	/**
	 * Its author deletes their comment: answered, it keeps its place as "deleted by its
	 * author" so that the thread stays whole; unanswered, it goes to the trash.
	 * @throws RejectedInput 403 when the reader may not change it (not theirs, or the
	 * window has passed)
	 */
	@Transactional
	public Comment deleteOwn(OwnComment own) {
		Article article = own.article();
		long commentId = own.commentId();
		Commenter who = own.who();
		Collection<Long> guestOwned = own.guestOwned();
		Comment comment = changeable(article, commentId, who, guestOwned);
		comments.deleteByAuthor(commentId, comment.body(), clock.instant());
		Comment deleted = comments.byId(commentId).orElseThrow();
		events.publishEvent(new CommentEdited(commentId, comment.articleId()));
		if (deleted.status() != comment.status()) {
			events.publishEvent(new CommentStatusChanged(commentId, comment.articleId(), comment.parentId(),
					comment.status(), deleted.status()));
		}
		return deleted;
	}

	private Comment changeable(Article article, long commentId, Commenter who, Collection<Long> guestOwned) {
		Comment comment = comments.byId(commentId)
			.filter(c -> c.articleId() == article.id())
			.orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "comment.notFound"));
		if (!mayChange(comment, who, guestOwned)) {
			throw new RejectedInput(HttpStatus.FORBIDDEN, "comment.edit.closed");
		}
		return comment;
	}

	/**
	 * Makes an approved comment an editors' pick, shown first in its thread with a label,
	 * or no longer one (a moderator's decision; moderation checks who asks).
	 * @return whether anything changed
	 */
	@Transactional
	public boolean feature(long commentId, boolean featured) {
		Comment comment = comments.byId(commentId)
			.orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "comment.notFound"));
		if (featured && (!comment.isApproved() || comment.deleted())) {
			throw new RejectedInput(HttpStatus.CONFLICT, "comment.featured.notShown");
		}
		if (comment.isFeatured() == featured) {
			return false;
		}
		comments.setFeatured(commentId, featured ? clock.instant() : null);
		events.publishEvent(new CommentEdited(commentId, comment.articleId()));
		return true;
	}

	/**
	 * The texts the comment had before its author changed or deleted it, oldest first,
	 * for moderators.
	 */
	public List<CommentRevision> revisions(long commentId) {
		return comments.revisions(commentId);
	}

	/** A page of comments with this status, newest first, for moderators. */
	public List<Comment> withStatus(CommentStatus status, int page, int size) {
		return comments.withStatus(status, Math.max(0, page - 1) * size, size);
	}

	/**
	 * Comments with this status from an offset on, newest first, for moderators' pages
	 * that group some of them.
	 */
	public List<Comment> withStatusFrom(CommentStatus status, int offset, int limit) {
		return comments.withStatus(status, Math.max(0, offset), limit);
	}

	public Map<CommentStatus, Integer> statusCounts() {
		return comments.statusCounts();
	}

	public List<Comment> comments(Collection<Long> ids) {
		return comments.byIds(ids);
	}

	/**
	 * Who wrote a comment and how their earlier comments fared, for moderators and bans.
	 */
	public Optional<CommentAuthor> author(long commentId) {
		return comments.author(commentId);
	}

	public Optional<Comment> comment(long id) {
		return comments.byId(id);
	}

	/**
	 * Whether the comment was written from this address, so that nobody is notified of
	 * their own comment.
	 */
	public boolean writtenBy(long commentId, String email) {
		return email != null && comments.writtenBy(commentId, email.toLowerCase(Locale.ROOT));
	}

	/** Every approved comment of an article, oldest first. */
	public List<Comment> approved(long articleId) {
		return comments.approved(articleId);
	}

	/** The page of the thread (in this order) that shows the comment. */
	public int pageOf(Comment comment, ThreadOrder order) {
		return new ThreadAssembler(comments.approved(comment.articleId()), order).pageOf(comment.id(),
				settings.rootsPerPage());
	}

	private static String name(String value, boolean required) {
		String name = value == null ? "" : value.strip();
		if (name.isEmpty() && !required) {
			return ANONYMOUS;
		}
		if (name.isEmpty()) {
			throw new RejectedInput("comment.name.required");
		}
		if (name.length() > MAX_NAME) {
			throw new RejectedInput("comment.name.tooLong", MAX_NAME);
		}
		if (hasControl(name, false)) {
			throw new RejectedInput("input.controlCharacters");
		}
		return name;
	}

	private static String email(String value, boolean required) {
		String email = value == null ? "" : value.strip();
		if (email.isEmpty() && !required) {
			return "";
		}
		if (email.isEmpty()) {
			throw new RejectedInput("comment.email.required");
		}
		if (email.length() > MAX_EMAIL || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || hasControl(email, false)) {
			throw new RejectedInput("comment.email.invalid");
		}
		return email.toLowerCase(Locale.ROOT);
	}

	private static String url(String value) {
		String url = value == null ? "" : value.strip();
		if (url.isEmpty()) {
			return null;
		}
		if (!url.contains("://")) {
			url = "https://" + url;
		}
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && url.length() <= MAX_URL
					&& !hasControl(url, false)) {
				return url;
			}
		}
		catch (java.net.URISyntaxException ex) {
			// refused below
		}
		throw new RejectedInput("comment.url.invalid");
	}

	private String body(String value) {
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
	private static boolean hasControl(String text, boolean lineBreaksAllowed) {
		return text.codePoints()
			.anyMatch(c -> (c < 0x20 || (c >= 0x7f && c <= 0x9f))
					&& !(lineBreaksAllowed && (c == '\n' || c == '\r' || c == '\t'))
					|| (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) || (c & 0xfffe) == 0xfffe
					|| (c >= 0xfdd0 && c <= 0xfdef));
	}

}
