package org.veche.discussion.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many comment posts this node takes at once, and how long a post waits for its turn
 * (see {@link PostingTurns}).
 *
 * @param concurrency posts at once; 0 chooses by database: half the cores on SQLite, four
 * per core on PostgreSQL
 * @param maxWait the longest a post waits for a turn before it is refused with 503 and
 * Retry-After
 * @param busyShare the share of its time a turn may be busy: below 1, a turn rests after
 * each post for as long as the post held it times (1 / busyShare - 1), so that posts take
 * at most this share of a core per turn
 */
@ConfigurationProperties("veche.posting")
public record PostingProperties(@DefaultValue("0") int concurrency, @DefaultValue("5s") Duration maxWait,
		@DefaultValue("1.0") double busyShare) {
}
