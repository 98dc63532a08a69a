package org.veche.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.veche.site.SiteSettings;
import org.veche.support.ModuleTestSite;

/**
 * The privacy module with the site shell under it, and the identity module, which answers
 * its {@link People} question (no site runs without it): addresses kept only as keyed
 * hashes, and the e-mailed links that let a guest ask for their data, each used once,
 * with the audit line a request leaves.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "identity")
@ModuleTestSite
class PrivacyModuleTests {

	@Autowired
	AddressHasher addresses;

	@Autowired
	DataRequests requests;

	@Autowired
	SiteSettings settings;

	@Test
	void anAddressIsKeptAsAKeyedHashThatMatchesOnlyItself() {
		String hash = addresses.hash("203.0.113.7");
		assertThat(hash).isEqualTo(addresses.hash("203.0.113.7"))
			.isNotEqualTo(addresses.hash("203.0.113.8"))
			.doesNotContain("203")
			.hasSize(32);
		assertThat(settings.get("privacy.address-secret")).isPresent();
	}

	@Test
	void aGuestsRequestLinkWorksOnceAndIsNotIssuedAgainAtOnce() {
		String email = "privacy-module@example.org";
		String token = requests.issueLink(email).orElseThrow();
		assertThat(requests.issueLink(email)).as("a second link within minutes").isEmpty();
		assertThat(requests.linkOwner(token)).contains(email);

		assertThat(requests.redeem(token)).contains(Person.guest(email));
		assertThat(requests.redeem(token)).as("a used link").isEmpty();
	}

	@Autowired
	People people;

	@Test
	void aPersonNamedByAnAddressWithoutAnAccountIsAGuest() {
		assertThat(people.byEmail("nobody@example.org")).isEqualTo(Person.guest("nobody@example.org"));
	}

	@Test
	void anExportIsAudited() {
		int before = requests.auditLines(100).size();
		var export = requests.export(Person.guest("exported@example.org"), DataRequests.Channel.GUEST_LINK);
		assertThat(export).containsKey("exportedAt");
		assertThat(requests.auditLines(100)).hasSize(before + 1)
			.first()
			.satisfies(line -> assertThat(line.kind()).isEqualTo("export"));
	}

}
