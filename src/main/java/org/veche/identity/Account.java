package org.veche.identity;

import java.time.Instant;

/**
 * A person known to the site by e-mail.
 */
public record Account(long id, String email, String displayName, Role role, Instant createdAt, boolean suspended) {
}
