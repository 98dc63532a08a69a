package org.veche.embed.web;

import org.veche.site.FormError;

/**
 * What the embed's settings page (embed/admin.jte) shows.
 *
 * @param origins the allowed sites, one a line, as the form shows them
 * @param notice a message key of what just happened, or empty
 * @param error why the sites were refused, or null
 * @param baseUrl this site's address, for the snippet to paste
 */
public record EmbedAdminPage(String origins, String notice, FormError error, String baseUrl) {
}
