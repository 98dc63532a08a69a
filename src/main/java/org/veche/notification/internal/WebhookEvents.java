package org.veche.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.veche.discussion.CommentPosted;
import org.veche.discussion.CommentStatus;
import org.veche.discussion.CommentStatusChanged;

import tools.jackson.databind.json.JsonMapper;

/**
 * Queues a webhook delivery for every new, held and decided comment inside the
 * transaction that makes the change, so a delivery exists if and only if the change
 * commits; {@link WebhookSender} sends it afterwards. A delivery says which comment and
 * what became of it, never its text or anything about its author: a receiver that needs
 * more asks the moderation API with a token.
 */
@Component
class WebhookEvents {

	private static final Logger log = LoggerFactory.getLogger(WebhookEvents.class);

	private final Webhooks webhooks;

	private final Clock clock;

	private final JsonMapper json;

	private final TransactionTemplate savepoint;

	WebhookEvents(Webhooks webhooks, Clock clock, JsonMapper json, PlatformTransactionManager transactions) {
		this.webhooks = webhooks;
		this.clock = clock;
		this.json = json;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	@EventListener
	void on(CommentPosted posted) {
		String type = posted.status() == CommentStatus.PENDING ? "comment.held" : "comment.new";
		queue(type, type + ":" + posted.commentId(), posted.commentId(), posted.articleId(), posted.parentId(), null,
				posted.status());
	}

	/**
	 * A decision of a moderator; a comment held again (by readers' reports) is "held".
	 */
	@EventListener
	void on(CommentStatusChanged changed) {
		String type = changed.to() == CommentStatus.PENDING ? "comment.held" : "comment.decided";
		Instant now = clock.instant();
		queue(type, type + ":" + changed.commentId() + ":" + now.toEpochMilli() + ":" + changed.to().name(),
				changed.commentId(), changed.articleId(), changed.parentId(), changed.from(), changed.to());
	}

	private void queue(String type, String key, long commentId, long articleId, Long parentId, CommentStatus from,
			CommentStatus to) {
		try {
			// one query first, outside the savepoint (two more statements): most sites
			// register no webhook, and this runs inside the comment's transaction
			if (!webhooks.any()) {
				return;
			}
			savepoint.executeWithoutResult(tx -> {
				Instant now = clock.instant();
				var comment = new LinkedHashMap<String, Object>();
				comment.put("id", commentId);
				comment.put("articleId", articleId);
				comment.put("parentId", parentId);
				comment.put("status", to.name().toLowerCase(Locale.ROOT));
				if (from != null) {
					comment.put("previousStatus", from.name().toLowerCase(Locale.ROOT));
				}
				Map<String, Object> payload = new LinkedHashMap<>();
				payload.put("id", key);
				payload.put("type", type);
				payload.put("createdAt", now.toString());
				payload.put("comment", comment);
				webhooks.queue(key, json.writeValueAsString(payload), now);
			});
		}
		catch (RuntimeException ex) {
			log.warn("Could not queue webhook deliveries for {}: {}", key, ex.toString());
		}
	}

}
