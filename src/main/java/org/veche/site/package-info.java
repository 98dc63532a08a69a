/**
 * The web shell every page stands in: layout, messages in three languages, errors,
 * Markdown and site settings.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Site shell")
package org.veche.site;
