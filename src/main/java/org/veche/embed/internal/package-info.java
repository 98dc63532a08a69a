/**
 * The embed module's tables (pages, sign-in tokens), the allowed origins and the security
 * chain of its JSON API.
 */
package org.veche.embed.internal;
