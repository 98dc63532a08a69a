package org.veche.privacy;

import java.util.Optional;

/**
 * Who has an account, answered by the identity module (privacy may not depend on it, so
 * it asks through this).
 */
public interface People {

	/** The account as a person: its e-mail counts only once verified. */
	Optional<Person> ofAccount(long accountId);

	/**
	 * The person an administrator names by e-mail: with their account, if the address has
	 * one.
	 */
	Person byEmail(String email);

}
