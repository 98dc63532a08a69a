package org.veche.privacy.web;

/**
 * The model of {@code privacy/choose.jte}: what a guest's link lets them do with their
 * data.
 *
 * @param valid whether the link still works
 * @param policy what erasure does to comments ({@code ErasurePolicy} in lower case), or
 * empty
 * @param error the message key of a refusal, or empty
 */
public record ChoosePage(String token, boolean valid, String policy, String error) {
}
