package org.veche.identity;

import java.time.Instant;

/**
 * A personal API token as its owner sees it: never the token itself, which is shown once
 * when it is made.
 *
 * @param lastUsedAt when it last signed a request in (noted at most once a minute), or
 * null if never
 */
public record ApiToken(long id, String name, Instant createdAt, Instant lastUsedAt) {
}
