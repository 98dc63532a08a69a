package org.veche.notification;

import java.time.Instant;
import java.util.Locale;

/**
 * One thing one address asked to be mailed about.
 * @param targetId the comment (replies) or article (comments) it follows, 0 for the site-wide topics
 * @param accountId the account the address belongs to, when it was asked for while signed in, else null
 * @param confirmedAt when the address confirmed it, or null: nothing but the confirmation is sent until then
 */
public record Subscription(long id, long readerId, String email, Long accountId, Locale language, Topic topic,
		long targetId, Cadence cadence, Instant confirmedAt) {

	public boolean confirmed() {
		return confirmedAt != null;
	}

}
