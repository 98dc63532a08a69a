/**
 * The administrator's import page and the redirects from a moved site's old addresses.
 */
package org.veche.importer.web;
