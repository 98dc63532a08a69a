package org.veche.embed;

import java.util.LinkedHashSet;

/**
 * Tests share one site, so each adds its own origins to the allowed ones instead of
 * replacing them.
 */
public final class EmbedSupport {

	private EmbedSupport() {
	}

	public static synchronized void allow(EmbeddedPages pages, String origin) {
		var origins = new LinkedHashSet<>(pages.allowedOrigins());
		origins.add(origin);
		pages.allowOrigins(String.join("\n", origins));
	}

}
