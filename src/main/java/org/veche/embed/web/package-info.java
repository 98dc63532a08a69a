/**
 * The JSON API the embed script calls from other sites, the sign-in window, and the
 * administrator's embed page.
 */
package org.veche.embed.web;
