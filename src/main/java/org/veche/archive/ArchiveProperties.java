package org.veche.archive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large a backup a restore accepts: a file beyond these is refused before anything is
 * written.
 *
 * @param maxEntrySize the largest entry (backup.json or one file), as the zip declares it
 * and as it really unpacks
 * @param maxTotalSize all entries together
 */
@ConfigurationProperties("veche.archive")
public record ArchiveProperties(@DefaultValue("4GB") DataSize maxEntrySize, @DefaultValue("1000000") int maxEntries,
		@DefaultValue("64GB") DataSize maxTotalSize) {
}
