package org.veche.moderation;

import java.time.Instant;

/**
 * A moderator's ban on an author: whoever matches any of its account, e-mail or address
 * hash may not comment until it expires or is lifted.
 *
 * @param bannedBy the moderator's account
 * @param expiresAt when it ends by itself, or null for good
 * @param liftedAt when a moderator lifted it, or null
 */
public record Ban(long id, Long accountId, String email, String addressHash, String note, Long bannedBy,
		Instant createdAt, Instant expiresAt, Instant liftedAt) {

	public boolean activeAt(Instant now) {
		return liftedAt == null && (expiresAt == null || expiresAt.isAfter(now));
	}

	public boolean forGood() {
		return expiresAt == null;
	}

}
