/**
 * The privacy page and the pages where readers and administrators ask for a copy or
 * erasure of personal data.
 */
package org.veche.privacy.web;
