package org.veche.site;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a site owner sets for the whole site: its name, where it keeps its files, and the
 * time zone its dates are shown in.
 */
@ConfigurationProperties("veche")
public record SiteProperties(@DefaultValue("Veche") String siteName, @DefaultValue("./data") Path dataDir,
		@DefaultValue("UTC") ZoneId timeZone, @DefaultValue("true") boolean demoContent,
		@DefaultValue("false") boolean templateDevMode) {

	public Path mediaDir() {
		return dataDir.resolve("media");
	}

}
