package org.veche.moderation.appeal;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.veche.identity.SignedIn;
import org.veche.site.RejectedInput;

/**
 * The appeals queue over JSON for moderators' tools ({@code /api/v1/moderation/**}:
 * moderators and administrators by bearer token), through the same desk as
 * {@code /moderation/appeals}. Refusals are problem+json.
 */
@RestController
@Tag(name = "moderation", description = "The moderation queue, decisions and bans; moderators and administrators only")
@SecurityRequirement(name = "bearer")
class AppealApi {

	private final AppealDesk desk;

	AppealApi(AppealDesk desk) {
		this.desk = desk;
	}

	/**
	 * @param status the comment's status now (approved, pending, spam, trash), or null
	 * when it is gone
	 */
	record Item(long id, long commentId, String message, String statusThen, String status, Instant createdAt,
			String outcome, Instant decidedAt) {

		static Item of(AppealDesk.Case c) {
			Appeal a = c.appeal();
			return new Item(a.id(), a.commentId(), a.message(), lower(a.statusThen().name()),
					c.item() == null ? null : lower(c.item().comment().status().name()), a.createdAt(),
					a.outcome() == null ? null : a.outcome().param(), a.decidedAt());
		}

	}

	record Appeals(String state, int page, int size, int total, List<Item> items) {
	}

	record OutcomeBody(String outcome) {
	}

	@GetMapping("/api/v1/moderation/appeals")
	Appeals list(@RequestParam(defaultValue = "open") String state, @RequestParam(defaultValue = "1") int page) {
		boolean open = switch (state) {
			case "open" -> true;
			case "answered" -> false;
			default -> throw new RejectedInput("appeal.api.state");
		};
		int number = Math.max(1, page);
		List<Item> items = desk.queue(open, number).stream().map(Item::of).toList();
		return new Appeals(open ? "open" : "answered", number, AppealDesk.PAGE, desk.count(open), items);
	}

	/** {"outcome": "upheld" | "reversed"}; an appeal is answered once (409 after). */
	@PostMapping("/api/v1/moderation/appeals/{id}/decision")
	Item decide(@PathVariable long id, @RequestBody(required = false) OutcomeBody body,
			@AuthenticationPrincipal SignedIn by) {
		AppealOutcome outcome = AppealOutcome
			.parse(body == null || body.outcome() == null ? ""
					: body.outcome().strip().toLowerCase(java.util.Locale.ROOT))
			.orElseThrow(() -> new RejectedInput("appeal.badOutcome"));
		desk.decide(id, outcome, by);
		return desk.one(id).map(Item::of).orElseThrow();
	}

	private static String lower(String name) {
		return name.toLowerCase(java.util.Locale.ROOT);
	}

}
