package org.veche.identity.web;

import java.util.List;

import org.veche.identity.AccountList;
import org.veche.identity.Role;
import org.veche.site.RejectedInput;

/**
 * The model of {@code identity/users.jte}: one page of the accounts, with their roles to
 * choose from.
 *
 * @param query the search typed, or empty
 * @param notice the message key of what was just done, or null
 * @param error the refusal, with its message key and arguments, or null
 */
public record UsersPage(AccountList users, String query, List<Role> roles, String notice, RejectedInput error) {
}
