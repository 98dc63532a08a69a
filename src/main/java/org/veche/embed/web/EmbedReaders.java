package org.veche.embed.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.veche.discussion.Commenter;
import org.veche.embed.internal.EmbedTokens;
import org.veche.identity.Account;
import org.veche.identity.Identity;

/**
 * Who calls the embed API: a reader signed in for the embed (bearer token made for this
 * site), or a guest whose likes are keyed by a random reader key the script keeps in the
 * host page's own storage. No cookie of this site is read: on another site it would be a
 * third-party cookie, which most browsers refuse.
 */
@Component
class EmbedReaders {

	static final String READER_HEADER = "X-Veche-Reader";

	private final EmbedTokens tokens;

	private final Identity identity;

	EmbedReaders(EmbedTokens tokens, Identity identity) {
		this.tokens = tokens;
		this.identity = identity;
	}

	/**
	 * A signed-in reader with the provider they signed in with (or null for a password).
	 */
	record SignedInReader(Account account, String provider) {
	}

	Commenter of(HttpServletRequest request) {
		String header = request.getHeader(READER_HEADER);
		String readerKey = header != null && header.matches("[A-Za-z0-9_-]{16,64}") ? header : null;
		return signedIn(request)
			.map(r -> new Commenter(r.account().id(), r.account().displayName(), r.account().email(),
					r.account().role().isStaff(), null, request.getRemoteAddr()))
			.orElseGet(() -> new Commenter(null, null, null, false, readerKey, request.getRemoteAddr()));
	}

	/**
	 * The token's account, while it lives, is not suspended, and is used from the site it
	 * was made for.
	 */
	Optional<SignedInReader> signedIn(HttpServletRequest request) {
		String token = token(request);
		if (token == null) {
			return Optional.empty();
		}
		String origin = request.getHeader("Origin");
		return tokens.holder(token)
			.filter(holder -> origin == null || origin.equals(holder.origin()))
			.flatMap(holder -> identity.account(holder.accountId())
				.filter(account -> !account.suspended())
				.map(account -> new SignedInReader(account, holder.provider())));
	}

	static String token(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).strip() : null;
	}

}
