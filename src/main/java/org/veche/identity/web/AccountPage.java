package org.veche.identity.web;

import org.veche.identity.Account;
import org.veche.identity.internal.ConnectedAccounts;

/**
 * The model of {@code identity/account.jte}: the signed-in reader's own page, each form's
 * message beside it.
 *
 * @param notice the message key of what was just done, or empty
 * @param nameError the refusal of the name form's value, or empty
 * @param emailError the refusal of the address form's value, or empty
 * @param passwordError the refusal of the password form's value, or empty
 * @param identityError the refusal beside the connected accounts, or empty
 */
public record AccountPage(Account account, ConnectedAccounts.Overview connected, String notice, String nameError,
		String emailError, String passwordError, String identityError) {
}
