/**
 * The live module's machinery: the in-process event source, one broadcaster per article,
 * the live blog's tables.
 */
package org.veche.live.internal;
