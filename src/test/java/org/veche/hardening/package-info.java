/**
 * Hostile input and hard conditions across the whole site: forged and redirected
 * requests, floods, crashes, full disks and stored scripts.
 */
package org.veche.hardening;
