package org.veche.identity.internal;

import java.io.Serializable;

/**
 * Who an external provider says signed in; kept in the session while the reader decides
 * whether to link.
 *
 * @param registrationId the provider's registration id
 * @param providerName the provider's display name
 * @param subject the provider's stable id of the person
 */
public record ExternalProfile(String registrationId, String providerName, String subject, String email,
		boolean emailVerified, String displayName) implements Serializable {
}
