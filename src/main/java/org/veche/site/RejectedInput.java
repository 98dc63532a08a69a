package org.veche.site;

import org.springframework.http.HttpStatus;

/**
 * Input the site refuses, with the reason as a message key: forms show it beside the field, the API answers
 * it as problem+json with the given status.
 */
public class RejectedInput extends RuntimeException {

	private final HttpStatus status;

	private final String messageKey;

	private final transient Object[] arguments;

	public RejectedInput(HttpStatus status, String messageKey, Object... arguments) {
		super(messageKey);
		this.status = status;
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

}
