package org.veche.site.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The whole-page cache for guests: on or off, how much memory its bytes may take, how
 * long a page is kept at most when nothing is heard to change it (time-bound content,
 * other nodes), how long readers may be given the previous bytes while one reader
 * rebuilds the page, and how often at most a page that keeps changing is rebuilt (a
 * thread taking hundreds of comments a second would otherwise be re-read and re-rendered
 * without pause), and from what size a page (or its compressed copy) is kept in a file
 * under the data directory, which the connector sends with sendfile, rather than in
 * memory.
 */
@ConfigurationProperties("veche.page-cache")
public record PageCacheProperties(@DefaultValue("true") boolean enabled, DataSize maxSize,
		@DefaultValue("60s") Duration maxAge, @DefaultValue("1s") Duration staleFor,
		@DefaultValue("500ms") Duration rebuildEvery, @DefaultValue("48KB") DataSize fileThreshold) {

	/**
	 * The bytes kept pages may take: as set, else an eighth of the heap the JVM may grow
	 * to (10 MB with the 80 MB README recommends for a small server, 128 MB in a 1 GB
	 * heap), so the cache grows with the memory it is given.
	 */
	long keptBytes() {
		return maxSize != null ? maxSize.toBytes() : Math.max(4L << 20, Runtime.getRuntime().maxMemory() / 8);
	}

}
