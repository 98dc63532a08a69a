/**
 * The administrator's export, backup and restore pages.
 */
package org.veche.archive.web;
