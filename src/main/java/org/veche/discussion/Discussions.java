package org.veche.discussion;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.veche.discussion.internal.Comments;
import org.veche.discussion.internal.PostingTurns;
import org.veche.identity.Identity;
import org.veche.privacy.AddressHasher;
import org.veche.publishing.Article;
import org.veche.site.RejectedInput;

/**
 * What is done to comments: readers post them, moderators decide their status, correct
 * them and pick them. Commands live here and reads elsewhere, so that a caller that only
 * asks does not depend on what changes comments: a comment is read through
 * {@link CommentRecords}, the moderators' queues through {@link CommentQueues}, threads
 * through {@link Threads}; its author's own changes go through {@link OwnCommentEdits},
 * likes through {@link CommentLikes}, search through {@link CommentSearch}, and imports
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

	private final CommentTexts texts;

	private final CommentRecords records;

	private final AddressHasher addresses;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Identity identity;

	private final CommentScreen screen;

	private final PostingTurns turns;

	private final TransactionTemplate transactions;

	Discussions(Comments comments, CommentTexts texts, CommentRecords records, AddressHasher addresses,
			DiscussionProperties settings, ApplicationEventPublisher events, Clock clock, Identity identity,
			Optional<CommentScreen> screen, PostingTurns turns, PlatformTransactionManager transactions) {
		this.turns = turns;
		this.transactions = new TransactionTemplate(transactions);
		this.identity = identity;
		this.screen = Unscreened.unlessModerated(screen, settings);
		this.comments = comments;
		this.texts = texts;
		this.records = records;
		this.addresses = addresses;
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
		String body = texts.body(reply.body());
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
				texts.rendered(article.id(), Long.MAX_VALUE, body), verdict.status(), now, addressHash));
		long id = comment.id();
		// screening marks earlier comments of a raid, never this one: its row is as it
		// was stored
		events.publishEvent(new CommentScreened(id, candidate, verdict));
		events.publishEvent(new CommentPosted(id, article.id(), comment.parentId(), comment.status(),
				records.mentionedIn(comment)));
		if (email != null && !email.isEmpty() && (reply.notifyReplies() || reply.notifyAllComments())) {
			events.publishEvent(new CommentNotificationsRequested(id, article.id(), email, who.accountId(),
					reply.notifyReplies(), reply.notifyAllComments()));
		}
		return comment;
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
		String body = texts.body(newBody);
		comments.setBody(commentId, body, texts.rendered(comment.articleId(), commentId, body));
		events.publishEvent(new CommentEdited(commentId, comment.articleId()));
		return comments.byId(commentId).orElseThrow();
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
		if (CommentTexts.hasControl(name, false)) {
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
		if (email.length() > MAX_EMAIL || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
				|| CommentTexts.hasControl(email, false)) {
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
					&& !CommentTexts.hasControl(url, false)) {
				return url;
			}
		}
		catch (java.net.URISyntaxException ex) {
			// refused below
		}
		throw new RejectedInput("comment.url.invalid");
	}

}
