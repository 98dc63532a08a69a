package org.veche.embed.web;

/**
 * What the embed's sign-in window (embed/sign-in.jte) shows: the question to the reader,
 * or, once done, the token handed to the page that opened it.
 *
 * @param origin the site that asks
 * @param done whether the reader agreed and the token goes to the site
 */
public record EmbedSignInPage(String origin, String token, boolean done) {
}
