package org.veche.privacy.web;

import java.util.Map;

/**
 * The model of {@code privacy/erased.jte}: what an erasure removed.
 *
 * @param done how many of each kind, by message key
 */
public record ErasedPage(Map<String, Integer> done) {
}
