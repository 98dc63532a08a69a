/**
 * What the site keeps about people and how: addresses only as keyed hashes whose key
 * changes every day.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy")
package org.veche.privacy;
