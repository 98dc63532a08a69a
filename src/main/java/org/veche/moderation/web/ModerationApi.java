package org.veche.moderation.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.veche.identity.SignedIn;
import org.veche.moderation.Ban;
import org.veche.moderation.Decision;
import org.veche.moderation.ModerationDesk;
import org.veche.moderation.ModerationLog;
import org.veche.moderation.ModerationQueue;
import org.veche.moderation.QueueItem;
import org.veche.moderation.QueueTab;
import org.veche.moderation.ReportReason;
import org.veche.site.RejectedInput;

/**
 * The moderation queue over JSON for moderators' tools: the same queue, decisions and
 * bans as /moderation, through the same facade (the security chain lets only moderators
 * and administrators in).
 */
@RestController
@Tag(name = "moderation", description = "The moderation queue, decisions and bans; moderators and administrators only")
@SecurityRequirement(name = "bearer")
class ModerationApi {

	private final ModerationQueue queue;

	private final ModerationDesk desk;

	private final ModerationLog log;

	private final MessageSource messages;

	ModerationApi(ModerationQueue queue, ModerationDesk desk, ModerationLog log, MessageSource messages) {
		this.queue = queue;
		this.desk = desk;
		this.log = log;
		this.messages = messages;
	}

	record Author(String name, String email, String url, Long accountId, int approved, int spam) {
	}

	record Held(String code, String text) {
	}

	record Item(long id, long articleId, String articleSlug, Long parentId, Author author, String body, String html,
			String status, Instant createdAt, List<Held> reasons, Map<String, Integer> reports) {
	}

	record Queue(String tab, int page, int size, int total, List<Item> items) {
	}

	record DecisionBody(String decision, String reason) {
	}

	record Decided(long id, String status) {
	}

	record BanBody(Long commentId, Integer days, String note) {
	}

	record BanView(long id, Long accountId, String email, String note, Instant createdAt, Instant expiresAt) {

		static BanView of(Ban ban) {
			return new BanView(ban.id(), ban.accountId(), ban.email(), ban.note(), ban.createdAt(), ban.expiresAt());
		}

	}

	record Reason(String id, String label) {
	}

	@GetMapping("/api/v1/moderation/queue")
	Queue queue(@RequestParam(defaultValue = "pending") String tab, @RequestParam(defaultValue = "1") int page,
			Locale locale) {
		QueueTab at = Arrays.stream(QueueTab.values())
			.filter(t -> t.param().equals(tab))
			.findFirst()
			.orElseThrow(() -> new RejectedInput("moderation.api.tab"));
		if (page < 1) {
			throw new RejectedInput("moderation.api.page");
		}
		List<Item> items = queue.queue(at, page).stream().map(item -> item(item, locale)).toList();
		return new Queue(at.param(), page, ModerationQueue.QUEUE_PAGE, queue.counts().get(at), items);
	}

	/** One decision; "remove" is the plain trash of the queue page. */
	@PostMapping("/api/v1/moderation/comments/{id}/decision")
	Decided decide(@PathVariable long id, @RequestBody DecisionBody body, @AuthenticationPrincipal SignedIn by) {
		if (body == null || body.decision() == null) {
			throw new RejectedInput("moderation.decision.unknown");
		}
		String asked = body.decision().strip().toLowerCase(Locale.ROOT);
		Decision decision = Decision.parse(asked.equals("remove") ? "trash" : asked)
			.orElseThrow(() -> new RejectedInput("moderation.decision.unknown"));
		ReportReason reason = body.reason() == null || body.reason().isBlank() ? null
				: ReportReason.parse(body.reason().strip())
					.orElseThrow(() -> new RejectedInput("moderation.api.reason"));
		desk.decide(id, new ModerationDesk.Ruling(decision, reason), by);
		return new Decided(id, decision.to().name().toLowerCase(Locale.ROOT));
	}

	@GetMapping("/api/v1/moderation/bans")
	List<BanView> bans() {
		return log.bansInForce().stream().map(BanView::of).toList();
	}

	/**
	 * Bans the author of a comment by all its handles, for some days or (no days) for
	 * good.
	 */
	@PostMapping("/api/v1/moderation/bans")
	ResponseEntity<Map<String, Long>> ban(@RequestBody BanBody body, @AuthenticationPrincipal SignedIn by) {
		if (body == null || body.commentId() == null) {
			throw new RejectedInput("moderation.api.comment");
		}
		if (body.days() != null && (body.days() < 1 || body.days() > 3650)) {
			throw new RejectedInput("moderation.ban.length");
		}
		long id = desk.ban(body.commentId(),
				new ModerationDesk.BanTerms(body.days() == null ? null : Duration.ofDays(body.days()), body.note()),
				by);
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
	}

	@DeleteMapping("/api/v1/moderation/bans/{id}")
	ResponseEntity<Void> lift(@PathVariable long id, @AuthenticationPrincipal SignedIn by) {
		desk.lift(id, by);
		return ResponseEntity.noContent().build();
	}

	/** The reasons a decision may give: the same ones readers report with. */
	@GetMapping("/api/v1/moderation/reasons")
	List<Reason> reasons(Locale locale) {
		return Arrays.stream(ReportReason.values())
			.map(r -> new Reason(r.param(),
					messages.getMessage("moderation.report.reason." + r.param(), null, r.param(), locale)))
			.toList();
	}

	private Item item(QueueItem item, Locale locale) {
		var c = item.comment();
		var a = item.author();
		List<Held> held = item.reasons()
			.stream()
			.map(reason -> new Held(reason.messageKey(),
					messages.getMessage(reason.messageKey(), reason.messageArguments(), reason.messageKey(), locale)))
			.toList();
		var reports = new LinkedHashMap<String, Integer>();
		item.reports().forEach((reason, count) -> reports.put(reason.param(), count));
		return new Item(c.id(), c.articleId(), item.article() == null ? null : item.article().slug(), c.parentId(),
				new Author(c.authorName(), a.email(), c.authorUrl(), a.accountId(), a.approved(), a.spam()), c.body(),
				c.bodyHtml(), c.status().name().toLowerCase(Locale.ROOT), c.createdAt(), held, reports);
	}

}
