/**
 * Discussions embedded in other sites: maps a page's address to a Veche thread, serves
 * the script that shows it there, and keeps the owner's list of sites allowed to embed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Embed")
package org.veche.embed;
