package org.veche.privacy.web;

import java.util.List;
import java.util.Map;

import org.veche.privacy.internal.PrivacyRequests.Line;

/**
 * The model of {@code privacy/admin.jte}: an administrator's export and erasure for an
 * address, and the audit.
 *
 * @param email the address typed
 * @param error the message key of a refusal, or empty
 * @param done what an erasure just removed, by kind, or null
 * @param policy what erasure does to comments ({@code ErasurePolicy} in lower case)
 * @param audit the latest requests
 */
public record AdminDataPage(String email, String error, Map<String, Integer> done, String policy, List<Line> audit) {
}
