package org.veche.privacy.web;

/**
 * The model of {@code privacy/account.jte}: a signed-in reader's own data, to download or
 * erase.
 *
 * @param error the message key of a refusal, or empty
 * @param policy what erasure does to comments ({@code ErasurePolicy} in lower case)
 */
public record AccountDataPage(String error, String policy) {
}
