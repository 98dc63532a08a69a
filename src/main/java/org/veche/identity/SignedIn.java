package org.veche.identity;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.veche.site.Reader;

/**
 * The principal of a signed-in person, whether by password, session or API token.
 *
 * @param account the account
 * @param passwordHash the stored hash, only while the password is being checked
 * @param provider the external provider's display name ("Google") when signed in through
 * one, else null
 */
public record SignedIn(Account account, String passwordHash, String provider) implements UserDetails, Reader {

	public SignedIn(Account account, String passwordHash) {
		this(account, passwordHash, null);
	}

	/**
	 * Signed in through an external provider rather than with the site's own password.
	 */
	public boolean external() {
		return provider != null;
	}

	@Override
	public long accountId() {
		return account.id();
	}

	@Override
	public String displayName() {
		return account.displayName();
	}

	@Override
	public boolean isStaff() {
		return account.role().isStaff();
	}

	@Override
	public boolean writes() {
		return account.role().writes();
	}

	@Override
	public boolean moderates() {
		return account.role() == Role.MODERATOR || account.role() == Role.ADMINISTRATOR;
	}

	@Override
	public boolean isAdministrator() {
		return account.role() == Role.ADMINISTRATOR;
	}

	public Role role() {
		return account.role();
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(account.role().authority()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return account.email();
	}

	@Override
	public boolean isAccountNonLocked() {
		return !account.suspended();
	}

	@Override
	public String toString() {
		return "SignedIn[" + account.id() + "]";
	}

}
