/**
 * Image decoding, variant making and the photo table.
 */
package org.veche.media.internal;
