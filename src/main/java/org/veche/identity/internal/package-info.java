/**
 * Storage of accounts and tokens, and the Spring Security wiring that turns them into
 * signed-in readers.
 */
package org.veche.identity.internal;
