package org.veche.site;

import java.time.Duration;
import java.util.Optional;

import org.springframework.http.HttpStatus;

/**
 * Input the site refuses, with the reason as a message key: forms show it beside the
 * field, the API answers it as problem+json with the given status. A refusal that passes
 * by itself (the site is too busy just now) says when to try again, which every answer
 * carries as Retry-After.
 */
public class RejectedInput extends RuntimeException {

	private final HttpStatus status;

	private final String messageKey;

	private final transient Object[] arguments;

	private final Duration retryAfter;

	public RejectedInput(HttpStatus status, String messageKey, Object... arguments) {
		this(status, null, messageKey, arguments);
	}

	public RejectedInput(HttpStatus status, Duration retryAfter, String messageKey, Object... arguments) {
		super(messageKey);
		this.status = status;
		this.retryAfter = retryAfter;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public RejectedInput(String messageKey, Object... arguments) {
		this(HttpStatus.BAD_REQUEST, messageKey, arguments);
	}

	public HttpStatus status() {
		return status;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments;
	}

	/**
	 * When the same input may be sent again with a chance of success, for a refusal that
	 * passes by itself.
	 */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(retryAfter);
	}

	/**
	 * {@link #retryAfter} as the Retry-After header has it: whole seconds, at least one.
	 */
	public Optional<String> retryAfterSeconds() {
		return retryAfter().map(wait -> String.valueOf(Math.max(1, (wait.toMillis() + 999) / 1000)));
	}

}
