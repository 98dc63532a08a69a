package org.veche.site.internal;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.veche.site.RejectedInput;

/**
 * The JSON API answers every error as RFC 9457 problem+json: Spring MVC's own exceptions
 * keep their 4xx status, anything unexpected is logged here and answered without
 * internals.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(RejectedInput.class)
	ResponseEntity<ProblemDetail> rejected(RejectedInput ex, Locale locale) {
		var answer = problem(ex.status(),
				messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale));
		if (ex.retryAfter().isPresent()) {
			return ResponseEntity.status(answer.getStatusCode())
				.header("Retry-After", ex.retryAfterSeconds().orElseThrow())
				.body(answer.getBody());
		}
		if (ex.status() == HttpStatus.TOO_MANY_REQUESTS) {
			// a limit of the discussion (the flood interval, in seconds, is its argument)
			// or of signing in
			long seconds = ex.messageKey().equals("comment.flood") && ex.arguments().length > 0
					&& ex.arguments()[0] instanceof Number n ? Math.max(1, n.longValue()) : 60;
			return ResponseEntity.status(answer.getStatusCode())
				.header("Retry-After", String.valueOf(seconds))
				.body(answer.getBody());
		}
		return answer;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, Locale locale) {
		if (StorageFailure.is(ex)) {
			log.warn("Storage refused a write (full or read-only): {}", ex.toString());
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					messages.getMessage("error.503.text", null, "The site cannot save anything just now.", locale));
			problem.setTitle(messages.getMessage("error.503.title", null, "Service unavailable", locale));
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header("Retry-After", StorageFailure.RETRY_AFTER)
				.body(problem);
		}
		log.error("API request failed", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The server could not complete the request.");
	}

	static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
	}

}
