package org.veche.discussion;

import java.util.Locale;

/**
 * The order of top-level comments; replies always follow their parent oldest first, as in
 * WordPress.
 */
public enum ThreadOrder {

	OLDEST, NEWEST, LIKED;

	public static ThreadOrder parse(String value) {
		if (value != null) {
			for (ThreadOrder order : values()) {
				if (order.name().equals(value.toUpperCase(Locale.ROOT))) {
					return order;
				}
			}
		}
		return OLDEST;
	}

	public String param() {
		return name().toLowerCase(Locale.ROOT);
	}

}
