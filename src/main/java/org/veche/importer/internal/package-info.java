/**
 * Reading exports safely and writing what they hold through the other modules' facades,
 * in one transaction.
 */
package org.veche.importer.internal;
