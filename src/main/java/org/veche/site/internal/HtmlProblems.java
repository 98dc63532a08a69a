package org.veche.site.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.veche.site.RejectedInput;

/**
 * A page controller that refuses input it has no form for answers with the refusal's
 * status and the site's error page, not a 500. Forms catch their refusals themselves and
 * show the form again. A storage that cannot take a write answers 503.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class HtmlProblems {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HtmlProblems.class);

	@ExceptionHandler(RejectedInput.class)
	void rejected(RejectedInput rejected, HttpServletResponse response) throws IOException {
		rejected.retryAfterSeconds().ifPresent(seconds -> response.setHeader("Retry-After", seconds));
		response.sendError(rejected.status().value());
	}

	/**
	 * A full disk or a read-only data directory: 503 and a page that says so; anything
	 * else goes on as before.
	 */
	@ExceptionHandler({ org.springframework.dao.DataAccessException.class, org.jooq.exception.DataAccessException.class,
			org.springframework.transaction.TransactionException.class, java.io.UncheckedIOException.class })
	void storage(RuntimeException failure, HttpServletResponse response) throws IOException {
		if (!StorageFailure.is(failure)) {
			throw failure;
		}
		log.warn("Storage refused a write (full or read-only): {}", failure.toString());
		response.setHeader("Retry-After", StorageFailure.RETRY_AFTER);
		response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
	}

}
