package org.veche.discussion;

/**
 * What a reader submits from the "Leave a reply" form or the API, before the site checks it.
 * @param parentId the comment answered, or null
 */
public record Reply(Long parentId, String authorName, String authorEmail, String authorUrl, String body) {
}
