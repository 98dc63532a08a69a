package org.veche.identity;

import java.time.Instant;

/**
 * An external identity linked to an account, as the account page lists it.
 *
 * @param registrationId the provider's registration id
 * @param providerName the provider's display name, or the registration id when it is no
 * longer configured
 * @param label what the provider called the person (name or e-mail), to tell two
 * identities of one provider apart
 */
public record LinkedIdentity(long id, String registrationId, String providerName, String label, Instant linkedAt) {
}
