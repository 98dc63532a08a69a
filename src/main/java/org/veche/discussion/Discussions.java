package org.veche.discussion;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.veche.discussion.internal.Comments;
import org.veche.discussion.internal.Likes;
import org.veche.discussion.internal.ThreadAssembler;
import org.veche.identity.Identity;
import org.veche.privacy.AddressHasher;
import org.veche.publishing.Article;
import org.veche.site.Markdown;
import org.veche.site.RejectedInput;

/**
 * The discussion module's face: post a reply, read a thread, like a comment.
 */
@Service
public class Discussions {

	static final int MAX_NAME = 100;

	static final int MAX_EMAIL = 254;

	static final int MAX_URL = 500;

	private final Comments comments;

	private final Likes likes;

	private final Markdown markdown;

	private final AddressHasher addresses;

	private final DiscussionProperties settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Identity identity;

	Discussions(Comments comments, Likes likes, Markdown markdown, AddressHasher addresses,
			DiscussionProperties settings, ApplicationEventPublisher events, Clock clock, Identity identity) {
		this.identity = identity;
		this.comments = comments;
		this.likes = likes;
		this.markdown = markdown;
		this.addresses = addresses;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Checks a reply and stores it. Everything is approved in this version except what the flood limit stops,
	 * which is refused, not stored: one comment per interval from one address or e-mail, staff exempt.
	 */
	@Transactional
	public Comment post(Article article, Reply reply, Commenter who) {
		Instant now = clock.instant();
		if (!article.isVisibleAt(now)) {
			throw new RejectedInput(HttpStatus.NOT_FOUND, "article.notFound");
		}
		boolean asAccount = who.accountId() != null;
		if (!asAccount && !settings.guestsMayComment()) {
			throw new RejectedInput(HttpStatus.UNAUTHORIZED, "comment.signInRequired");
		}
		// a self-made account speaks under its address only once the address is shown to be its owner's
		if (asAccount && identity.account(who.accountId()).filter(a -> a.emailVerified()).isEmpty()) {
			throw new RejectedInput(HttpStatus.FORBIDDEN, "comment.account.unverified");
		}
		boolean authorGiven = reply.authorName() != null && !reply.authorName().isBlank();
		// Staff posting through the API may speak for someone else (imports, tests); readers post as themselves.
		String name = asAccount && !(who.staff() && authorGiven) ? who.accountName() : name(reply.authorName());
		String email = asAccount && !(who.staff() && authorGiven) ? who.accountEmail() : email(reply.authorEmail());
		String url = url(reply.authorUrl());
		String body = body(reply.body());
		Comment parent = null;
		if (reply.parentId() != null) {
			parent = comments.byId(reply.parentId())
				.filter(p -> p.articleId() == article.id() && p.isApproved())
				.orElseThrow(() -> new RejectedInput("comment.parent.unknown"));
		}
		String addressHash = addresses.hash(who.address());
		if (!who.staff()) {
			Duration interval = settings.floodInterval();
			comments.lastPostBy(addressHash, email)
				.filter(last -> last.plus(interval).isAfter(now))
				.ifPresent(last -> {
					throw new RejectedInput(HttpStatus.TOO_MANY_REQUESTS, "comment.flood", interval.toSeconds());
				});
		}
		long id = comments.add(new Comments.NewRow(article.id(), parent == null ? null : parent.id(),
				parent == null ? 0 : parent.depth() + 1, name, email, url, who.accountId(), body,
				markdown.comment(body), CommentStatus.APPROVED, now, addressHash));
		Comment comment = comments.byId(id).orElseThrow();
		events.publishEvent(new CommentPosted(id, article.id(), comment.parentId(), comment.status()));
		if (reply.notifyReplies() || reply.notifyAllComments()) {
			events.publishEvent(new CommentNotificationsRequested(id, article.id(), email, who.accountId(),
					reply.notifyReplies(), reply.notifyAllComments()));
		}
		return comment;
	}

	public Optional<Comment> comment(long id) {
		return comments.byId(id);
	}

	/** Whether the comment was written from this address, so that nobody is notified of their own comment. */
	public boolean writtenBy(long commentId, String email) {
		return email != null && comments.writtenBy(commentId, email.toLowerCase(Locale.ROOT));
	}

	/** Every approved comment of an article, oldest first. */
	public List<Comment> approved(long articleId) {
		return comments.approved(articleId);
	}

	public ThreadPage thread(long articleId, ThreadOrder order, int page) {
		return new ThreadAssembler(comments.approved(articleId), order).page(articleId, order, page,
				settings.rootsPerPage(), settings.maxDepth());
	}

	/** The page of the thread (in this order) that shows the comment. */
	public int pageOf(Comment comment, ThreadOrder order) {
		return new ThreadAssembler(comments.approved(comment.articleId()), order).pageOf(comment.id(),
				settings.rootsPerPage());
	}

	public Map<Long, Integer> counts(Collection<Long> articleIds) {
		return comments.approvedCounts(articleIds);
	}

	public record LikeState(int likes, boolean liked) {
	}

	/** Likes or takes back a like; one like per reader, and a limit per network address. */
	@Transactional
	public LikeState like(long commentId, Commenter who, boolean like) {
		Comment comment = comments.byId(commentId)
			.filter(Comment::isApproved)
			.orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "comment.notFound"));
		String reader = who.likeKey();
		if (reader == null) {
			throw new RejectedInput("like.noReader");
		}
		int count = comment.likes();
		if (like) {
			String addressHash = addresses.hash(who.address());
			if (who.accountId() == null && addressHash != null && !likes.exists(commentId, reader)
					&& likes.fromAddress(commentId, addressHash) >= settings.likesPerAddress()) {
				throw new RejectedInput(HttpStatus.TOO_MANY_REQUESTS, "like.tooMany");
			}
			if (likes.add(commentId, reader, addressHash, clock.instant())) {
				count = comments.addLikes(commentId, 1);
			}
		}
		else if (likes.remove(commentId, reader)) {
			count = comments.addLikes(commentId, -1);
		}
		if (count != comment.likes()) {
			events.publishEvent(new CommentLiked(commentId, comment.articleId(), count));
		}
		return new LikeState(count, like);
	}

	@Transactional
	public LikeState toggleLike(long commentId, Commenter who) {
		String reader = who.likeKey();
		return like(commentId, who, reader == null || !likes.exists(commentId, reader));
	}

	public Set<Long> likedBy(Commenter who, long articleId) {
		String reader = who.likeKey();
		return reader == null ? Set.of() : likes.likedBy(reader, articleId);
	}

	private static String name(String value) {
		String name = value == null ? "" : value.strip();
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

	private static String email(String value) {
		String email = value == null ? "" : value.strip();
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
	 * C0 controls and DEL (tabs and line breaks allowed in bodies); PostgreSQL cannot even store NUL. Also what no
	 * page can show: half a surrogate pair (a JSON escape can carry one; the database stores "?") and Unicode
	 * noncharacters (the HTML sanitizer drops them, so a comment of only U+FFFE would be stored empty).
	 */
	private static boolean hasControl(String text, boolean lineBreaksAllowed) {
		return text.codePoints()
			.anyMatch(c -> (c < 0x20 || (c >= 0x7f && c <= 0x9f)) && !(lineBreaksAllowed && (c == '\n' || c == '\r' || c == '\t'))
					|| (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)
					|| (c & 0xfffe) == 0xfffe || (c >= 0xfdd0 && c <= 0xfdef));
	}

}
