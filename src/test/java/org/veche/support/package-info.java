/**
 * What integration tests share: a real server on a random port over SQLite or PostgreSQL,
 * and an HTTP client.
 */
package org.veche.support;
