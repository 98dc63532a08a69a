package org.veche.discussion;

/**
 * Who wrote a comment, for moderators (and bans), with how their comments fared so far.
 *
 * @param accountId the author's account, or null for a guest
 * @param email the e-mail given or the account's, empty when the site did not ask for one
 * @param addressHash the keyed hash of the address it came from, or null
 * @param approved approved comments by the same account, else the same e-mail
 * @param spam comments of theirs marked spam
 */
public record CommentAuthor(long commentId, Long accountId, String email, String addressHash, int approved, int spam) {
}
