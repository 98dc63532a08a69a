package org.veche.importer;

import java.util.Locale;
import java.util.Optional;

/**
 * The exports the site reads: WordPress's WXR (1.0, 1.1, 1.2) and Disqus's XML.
 */
public enum ExportFormat {

	WXR, DISQUS;

	public static Optional<ExportFormat> parse(String value) {
		for (ExportFormat format : values()) {
			if (format.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
				return Optional.of(format);
			}
		}
		return Optional.empty();
	}

	public String word() {
		return name().toLowerCase(Locale.ROOT);
	}

}
