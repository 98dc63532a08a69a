package org.veche.embed;

/**
 * A page of another site as its embed script names it: its address, and the title a new
 * thread on it takes.
 */
public record NamedPage(String url, String title) {
}
