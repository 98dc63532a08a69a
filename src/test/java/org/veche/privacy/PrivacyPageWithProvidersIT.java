package org.veche.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.veche.support.OidcIntegrationTest;

/**
 * With sign-in providers configured, the privacy page names each of them as a third
 * party, by the name readers see on the sign-in buttons.
 */
class PrivacyPageWithProvidersIT extends OidcIntegrationTest {

	@Test
	void eachConfiguredSignInProviderIsNamed() {
		var recipients = http.get("/privacy").html().select("ul.recipients li b").eachText();

		assertThat(recipients).contains("Google").hasSizeGreaterThanOrEqualTo(3);
		assertThat(http.get("/login").html().select("button, a").eachText()).as("the same names as on the sign-in page")
			.containsAll(recipients.subList(1, recipients.size()));
	}

}
