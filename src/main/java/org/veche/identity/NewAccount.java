package org.veche.identity;

/**
 * What an account is made from: the address, the password (null for one that signs in
 * elsewhere only), the name shown (blank for the address's local part) and the role.
 * {@link Identity#createAccount} checks the values, not this record, so a caller's
 * mistakes come back as the same rejected input as before.
 */
public record NewAccount(String email, String password, String displayName, Role role) {

	@Override
	public String toString() {
		// a password never reaches a log through a record's generated toString
		return "NewAccount[email=" + email + ", displayName=" + displayName + ", role=" + role + "]";
	}

}
