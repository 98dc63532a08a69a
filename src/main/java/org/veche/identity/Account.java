package org.veche.identity;

import java.time.Instant;

/**
 * A person known to the site by e-mail.
 *
 * @param emailVerified whether the person has shown the address is theirs (accounts made
 * by staff count as verified; a self-made account is not until its link is followed)
 */
public record Account(long id, String email, String displayName, Role role, Instant createdAt, boolean suspended,
		boolean emailVerified) implements java.io.Serializable {
}
