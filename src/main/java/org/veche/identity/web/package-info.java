/**
 * Sign-in, first-run setup and token pages and endpoints.
 */
package org.veche.identity.web;
