/**
 * The feed module's machinery: writing feeds with Rome and knowing the site's public
 * address.
 */
package org.veche.feed.internal;
