package org.veche.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the site keeps photos, as its owner sets it.
 *
 * @param keepOriginals whether the uploaded file itself is kept (outside the served
 * folder, never served), with its metadata and without any blur; off by default, so the
 * site holds nothing a seized disk could betray
 */
@ConfigurationProperties("veche.media")
public record MediaProperties(@DefaultValue("false") boolean keepOriginals) {
}
