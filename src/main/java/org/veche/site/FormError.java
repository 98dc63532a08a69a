package org.veche.site;

import java.util.Arrays;
import java.util.List;

/**
 * Why a form was refused, as a page shows it above the form: a message key and its
 * arguments.
 */
public record FormError(String key, List<Object> args) {

	public static FormError of(RejectedInput rejected) {
		return new FormError(rejected.messageKey(), Arrays.asList(rejected.arguments()));
	}

	public static FormError of(String key) {
		return new FormError(key, List.of());
	}

	/** The arguments as {@link Page#t} takes them. */
	public Object[] arguments() {
		return args.toArray();
	}

}
