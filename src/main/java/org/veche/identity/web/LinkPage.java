package org.veche.identity.web;

/**
 * The model of {@code identity/link.jte}: what to do with an external sign-in whose
 * address has an account.
 *
 * @param provider the provider's name as readers know it
 * @param email the address the provider vouches for
 * @param error the message key of a failed password, or empty
 */
public record LinkPage(String provider, String email, String error) {
}
