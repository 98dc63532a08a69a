package org.veche.identity.web;

import java.util.List;

import org.veche.identity.ApiToken;
import org.veche.site.RejectedInput;

/**
 * The model of {@code identity/tokens.jte}: an account's personal API tokens.
 *
 * @param name the name typed for a new token
 * @param created a token just made, shown this once, or null
 * @param notice the message key of what was just done, or null
 * @param error the refusal, with its message key and arguments, or null
 */
public record TokensPage(List<ApiToken> tokens, String name, String created, String notice, RejectedInput error) {
}
