package org.veche.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.veche.identity.internal.AccountAdministration;
import org.veche.identity.internal.PasswordTokens;
import org.veche.identity.internal.PasswordTokens.TokenRequest;
import org.veche.site.RejectedInput;
import org.veche.support.ModuleTestSite;

/**
 * The identity module with what it stands on (site, privacy, backup): the first
 * administrator, accounts, API tokens by password, and a suspension that stops them.
 */
@ApplicationModuleTest(BootstrapMode.ALL_DEPENDENCIES)
@ModuleTestSite
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityModuleTests {

	private static final String PASSWORD = "correct horse battery staple";

	@Autowired
	Identity identity;

	@Autowired
	AccountAdministration administration;

	@Autowired
	PasswordTokens passwordTokens;

	@Test
	@Order(1) // on the empty site
	void theFirstAdministratorIsMadeOnceAndCannotBeSuspendedAlone() {
		Account first = identity.createFirstAdministrator("owner@example.org", PASSWORD, "Owner").orElseThrow();
		assertThat(first.role()).isEqualTo(Role.ADMINISTRATOR);
		assertThat(identity.createFirstAdministrator("second@example.org", PASSWORD, "Second")).isEmpty();
		assertThat(identity.hasAccounts()).isTrue();

		var owner = new SignedIn(first, null);
		assertThatThrownBy(() -> administration.suspend(owner, first.id())).isInstanceOfSatisfying(RejectedInput.class,
				ex -> assertThat(ex.messageKey()).isEqualTo("admin.lastAdministrator"));
	}

	@Test
	@Order(2)
	void aTokenIsIssuedForTheRightPasswordOnlyAndNotToASuspendedAccount() {
		Account administrator = identity
			.createAccount(new NewAccount("admin@example.org", PASSWORD, "Admin", Role.ADMINISTRATOR));
		Account editor = identity.createAccount(new NewAccount("editor@example.org", PASSWORD, "Editor", Role.EDITOR));
		assertThatThrownBy(
				() -> identity.createAccount(new NewAccount("EDITOR@example.org", PASSWORD, "Again", Role.EDITOR)))
			.isInstanceOf(RejectedInput.class);

		assertThat(passwordTokens.issue(new TokenRequest("editor@example.org", PASSWORD, "module test", null)))
			.isPresent();
		assertThat(passwordTokens
			.issue(new TokenRequest("editor@example.org", "wrong horse battery staple", "module test", null)))
			.isEmpty();
		assertThat(identity.tokens(editor.id())).extracting(ApiToken::name).containsExactly("module test");

		assertThat(administration.suspend(new SignedIn(administrator, null), editor.id()).suspended()).isTrue();
		assertThat(passwordTokens.issue(new TokenRequest("editor@example.org", PASSWORD, "after suspension", null)))
			.isEmpty();
	}

}
