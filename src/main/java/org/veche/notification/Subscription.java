package org.veche.notification;

import java.time.Instant;

/**
 * One thing one address asked to be mailed about.
 *
 * @param subscriber the address that asked, and its language
 * @param targetId the comment (replies) or article (comments) it follows, 0 for the
 * site-wide topics
 * @param confirmedAt when the address confirmed it, or null: nothing but the confirmation
 * is sent until then
 */
public record Subscription(long id, Subscriber subscriber, Topic topic, long targetId, Cadence cadence,
		Instant confirmedAt) {

	public boolean confirmed() {
		return confirmedAt != null;
	}

}
