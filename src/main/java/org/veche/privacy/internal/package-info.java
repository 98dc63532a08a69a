/**
 * The privacy module's tables: e-mailed request links and the audit of requests.
 */
package org.veche.privacy.internal;
