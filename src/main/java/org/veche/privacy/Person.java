package org.veche.privacy;

/**
 * Whose data a request is about: an account, an e-mail address whose owner has shown it
 * is theirs, or both.
 *
 * @param accountId the account, or null for a guest
 * @param email the address proven to be the person's (by an e-mailed link, or an
 * account's verified address), or null when none is
 */
public record Person(Long accountId, String email) {

	public Person {
		if (accountId == null && (email == null || email.isBlank())) {
			throw new IllegalArgumentException("a person needs an account or an e-mail address");
		}
	}

	public static Person guest(String email) {
		return new Person(null, email);
	}

}
