package org.veche.site.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The whole-page cache for guests: on or off, how much memory its bytes may take, how long a page is kept at
 * most when nothing is heard to change it (time-bound content, other nodes), how long readers may be given
 * the previous bytes while one reader rebuilds the page, and how often at most a page that keeps changing is
 * rebuilt (a thread taking hundreds of comments a second would otherwise be re-read and re-rendered without pause),
 * and from what size a page (or its compressed copy) is kept in a file under the data directory, which the
 * connector sends with sendfile, rather than in memory.
 */
@ConfigurationProperties("veche.page-cache")
public record PageCacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("24MB") DataSize maxSize,
		@DefaultValue("60s") Duration maxAge, @DefaultValue("1s") Duration staleFor,
		@DefaultValue("500ms") Duration rebuildEvery, @DefaultValue("48KB") DataSize fileThreshold) {
}
