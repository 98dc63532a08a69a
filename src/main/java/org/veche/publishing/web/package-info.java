/**
 * The editor's pages and the articles API.
 */
package org.veche.publishing.web;
