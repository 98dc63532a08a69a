package org.veche.discussion;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;
import org.veche.site.SiteSettings;

/**
 * A guest's own state, kept in their browser as WordPress keeps it: the comments they
 * wrote that still await moderation (signed with a key the site keeps, so that nobody can
 * read another's held comment by naming its id), and, only when they ask for it, their
 * name, e-mail and website to fill the form next time. Both cookies change what one
 * reader sees, so the guests' page cache lets requests that carry them through.
 */
@Component
public class GuestCookies {

	/**
	 * The comments this browser wrote as a guest: "12-15.expiry.signature". It shows them
	 * their held comments, and lets them edit or delete their own comments within the
	 * edit window.
	 */
	public static final String HELD = "veche_held";

	/**
	 * The random name of a guest's browser, set when they first like
	 * (discussion.web.Commenters).
	 */
	public static final String BROWSER = "veche_reader";

	/** Name, e-mail and website the reader asked us to remember. */
	public static final String COMMENTER = "veche_commenter";

	/**
	 * Long enough for a moderator to decide, short enough not to be a lasting mark on the
	 * browser.
	 */
	static final Duration HELD_LIFETIME = Duration.ofDays(1);

	static final Duration COMMENTER_LIFETIME = Duration.ofDays(365);

	/** The most held comments one browser is shown; older ones drop off the cookie. */
	private static final int HELD_AT_MOST = 20;

	private final SiteSettings settings;

	private final CommentRecords records;

	private final OwnCommentEdits ownEdits;

	private final CommentLikes likes;

	private final Clock clock;

	private volatile byte[] key;

	GuestCookies(SiteSettings settings, CommentRecords records, OwnCommentEdits ownEdits, CommentLikes likes,
			Clock clock) {
		this.settings = settings;
		this.records = records;
		this.ownEdits = ownEdits;
		this.likes = likes;
		this.clock = clock;
	}

	/** What the reader asked to be remembered for the form. */
	public record Remembered(String name, String email, String url) {
	}

	/**
	 * Adds a comment the guest wrote (held or not) to the browser's cookie, keeping the
	 * ones it already named.
	 */
	public void held(Comment comment, HttpServletRequest request, HttpServletResponse response) {
		var ids = new LinkedHashSet<>(heldIds(request));
		ids.add(comment.id());
		var kept = new ArrayList<>(ids);
		if (kept.size() > HELD_AT_MOST) {
			kept = new ArrayList<>(kept.subList(kept.size() - HELD_AT_MOST, kept.size()));
		}
		long expiry = clock.instant().plus(HELD_LIFETIME).getEpochSecond();
		String subject = String.join("-", kept.stream().map(String::valueOf).toList()) + "." + expiry;
		set(response, request, HELD, subject + "." + sign(subject), HELD_LIFETIME);
	}

	/**
	 * This browser's own comments on the article that still await moderation, oldest
	 * first.
	 */
	public List<Comment> heldOn(long articleId, HttpServletRequest request) {
		List<Long> ids = heldIds(request);
		if (ids.isEmpty()) {
			return List.of();
		}
		return records.comments(ids)
			.stream()
			.filter(c -> c.articleId() == articleId
					&& (c.status() == CommentStatus.PENDING || c.status() == CommentStatus.SPAM))
			.sorted(java.util.Comparator.comparingLong(Comment::id))
			.toList();
	}

	/**
	 * This browser's own comments on the article that a moderator took down (trash),
	 * oldest first: their author is told, with a link to why and to the appeal, instead
	 * of the comment vanishing without a word.
	 */
	public List<Comment> removedOn(long articleId, HttpServletRequest request) {
		List<Long> ids = heldIds(request);
		if (ids.isEmpty()) {
			return List.of();
		}
		return records.comments(ids)
			.stream()
			.filter(c -> c.articleId() == articleId && c.status() == CommentStatus.TRASH && !c.deleted()
					&& c.kind() == CommentKind.COMMENT)
			.sorted(java.util.Comparator.comparingLong(Comment::id))
			.toList();
	}

	/**
	 * The comments on the article this reader likes (signed in, or by the guest's browser
	 * cookie), so that a page without JavaScript shows their buttons pressed.
	 */
	public java.util.Set<Long> likedOn(long articleId, HttpServletRequest request) {
		var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
			.getAuthentication();
		Long account = authentication != null
				&& authentication.getPrincipal() instanceof org.veche.identity.SignedIn signedIn ? signedIn.accountId()
						: null;
		Cookie cookie = WebUtils.getCookie(request, BROWSER);
		String browser = cookie != null && cookie.getValue().matches("[A-Za-z0-9_-]{16,64}") ? cookie.getValue() : null;
		if (account == null && browser == null) {
			return java.util.Set.of();
		}
		return likes.likedBy(new Commenter(account, null, null, false, browser, request.getRemoteAddr()), articleId);
	}

	/**
	 * The comments of the article this reader (signed in, or a guest by the signed
	 * cookie) may still edit or delete.
	 */
	public java.util.Set<Long> changeableOn(long articleId, HttpServletRequest request) {
		var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
			.getAuthentication();
		Long account = authentication != null
				&& authentication.getPrincipal() instanceof org.veche.identity.SignedIn signedIn ? signedIn.accountId()
						: null;
		List<Long> own = account == null ? heldIds(request) : List.of();
		if (account == null && own.isEmpty()) {
			return java.util.Set.of();
		}
		return ownEdits.changeableOn(articleId, new Commenter(account, null, null, false, null, null), own);
	}

	/**
	 * The ids the browser's cookie names, when its signature holds and it has not
	 * expired; else none.
	 */
	public List<Long> heldIds(HttpServletRequest request) {
		Cookie cookie = WebUtils.getCookie(request, HELD);
		if (cookie == null) {
			return List.of();
		}
		String[] parts = cookie.getValue().split("\\.");
		if (parts.length != 3 || !parts[0].matches("[0-9]{1,19}(-[0-9]{1,19}){0,50}")
				|| !parts[1].matches("[0-9]{1,19}")) {
			return List.of();
		}
		String subject = parts[0] + "." + parts[1];
		if (!MessageDigest.isEqual(sign(subject).getBytes(StandardCharsets.US_ASCII),
				parts[2].getBytes(StandardCharsets.US_ASCII))) {
			return List.of();
		}
		if (Long.parseLong(parts[1]) < clock.instant().getEpochSecond()) {
			return List.of();
		}
		var ids = new ArrayList<Long>();
		for (String id : parts[0].split("-")) {
			ids.add(Long.parseLong(id));
		}
		return ids;
	}

	/**
	 * Keeps name, e-mail and website when the reader ticked the box, and forgets them
	 * when they did not.
	 */
	public void rememberCommenter(boolean wanted, Reply reply, HttpServletRequest request,
			HttpServletResponse response) {
		if (wanted) {
			String joined = String.join("\n", nullToEmpty(reply.authorName()), nullToEmpty(reply.authorEmail()),
					nullToEmpty(reply.authorUrl()));
			set(response, request, COMMENTER,
					Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8)),
					COMMENTER_LIFETIME);
		}
		else if (WebUtils.getCookie(request, COMMENTER) != null) {
			set(response, request, COMMENTER, "", Duration.ZERO);
		}
	}

	/** What the reader asked to be remembered, or null. */
	public Remembered remembered(HttpServletRequest request) {
		Cookie cookie = WebUtils.getCookie(request, COMMENTER);
		if (cookie == null || cookie.getValue().isEmpty() || cookie.getValue().length() > 2000) {
			return null;
		}
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8)
				.split("\n", -1);
			if (parts.length != 3) {
				return null;
			}
			return new Remembered(cap(parts[0], 100), cap(parts[1], 254), cap(parts[2], 500));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value.strip().replace("\n", " ");
	}

	private static String cap(String value, int length) {
		return value.length() > length ? value.substring(0, length) : value;
	}

	private static void set(HttpServletResponse response, HttpServletRequest request, String name, String value,
			Duration lifetime) {
		ResponseCookie cookie = ResponseCookie.from(name, value)
			.path("/")
			.maxAge(lifetime)
			.httpOnly(true)
			.sameSite("Lax")
			.secure(request.isSecure())
			.build();
		response.addHeader("Set-Cookie", cookie.toString());
	}

	private String sign(String subject) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			byte[] signature = mac.doFinal(subject.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(signature, 18));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] key() {
		byte[] current = key;
		if (current == null) {
			current = Base64.getDecoder().decode(settings.getOrCreate("discussion.held-key", () -> {
				byte[] bytes = new byte[32];
				new SecureRandom().nextBytes(bytes);
				return Base64.getEncoder().encodeToString(bytes);
			}));
			key = current;
		}
		return current;
	}

}
