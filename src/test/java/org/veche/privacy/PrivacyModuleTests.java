package org.veche.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

	@Autowired
	Clock clock;

	@Test
	void theHashIsTheAddressKeyedWithTheDaysKeyAsItAlwaysWas() throws Exception {
		// hashes stored earlier the same day must still match after an upgrade
		byte[] secret = Base64.getDecoder().decode(settings.get("privacy.address-secret").orElseGet(() -> {
			addresses.hash("198.51.100.1");
			return settings.get("privacy.address-secret").orElseThrow();
		}));
		for (String address : List.of("203.0.113.7", "2001:db8::1", "198.51.100.200")) {
			String day = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
			byte[] dayKey = hmac(secret, day.getBytes(StandardCharsets.US_ASCII));
			String expected = HexFormat.of().formatHex(hmac(dayKey, address.getBytes(StandardCharsets.UTF_8)), 0, 16);
			assertThat(addresses.hash(address)).as(address).isEqualTo(expected);
		}
	}

	private static byte[] hmac(byte[] key, byte[] data) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		return mac.doFinal(data);
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
