/**
 * Storage of articles and their tags, slugs, and the job that publishes scheduled
 * articles.
 */
package org.veche.publishing.internal;
