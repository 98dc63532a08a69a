package org.veche.notification.web;

import java.time.Instant;
import java.util.List;

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
import org.springframework.web.bind.annotation.RestController;
import org.veche.identity.SignedIn;
import org.veche.notification.internal.Webhooks;
import org.veche.site.RejectedInput;

/**
 * Administrators register, list and remove webhooks over JSON (the security chain lets
 * only them in).
 */
@RestController
@Tag(name = "webhooks", description = "Signed webhooks for new, held and decided comments; administrators only")
@SecurityRequirement(name = "bearer")
class WebhooksApi {

	private final Webhooks webhooks;

	WebhooksApi(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	record NewWebhook(String url, Boolean allowPrivate) {
	}

	record WebhookView(long id, String url, String secret, boolean allowPrivate, Instant createdAt) {

		static WebhookView of(Webhooks.Webhook hook) {
			return new WebhookView(hook.id(), hook.url(), hook.secret(), hook.allowPrivate(), hook.createdAt());
		}

	}

	@GetMapping("/api/v1/webhooks")
	List<WebhookView> list() {
		return webhooks.all().stream().map(WebhookView::of).toList();
	}

	@PostMapping("/api/v1/webhooks")
	ResponseEntity<WebhookView> register(@RequestBody NewWebhook body, @AuthenticationPrincipal SignedIn by) {
		if (body == null) {
			throw new RejectedInput("webhook.url.invalid");
		}
		var hook = webhooks.register(body.url(), Boolean.TRUE.equals(body.allowPrivate()), by.accountId());
		return ResponseEntity.status(HttpStatus.CREATED).body(WebhookView.of(hook));
	}

	@DeleteMapping("/api/v1/webhooks/{id}")
	ResponseEntity<Void> remove(@PathVariable long id) {
		webhooks.remove(id);
		return ResponseEntity.noContent().build();
	}

}
