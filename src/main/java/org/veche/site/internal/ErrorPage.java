package org.veche.site.internal;

/**
 * The model of {@code site/error.jte}: the page of an error.
 *
 * @param status the HTTP status answered
 */
public record ErrorPage(int status) {
}
