package org.veche.importer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * An old address is spelt one way whether it comes from the export or from a reader's
 * request.
 */
class OldAddressesTests {

	@Test
	void exportUrlsAndRequestsMeetInOneSpelling() {
		assertThat(OldAddresses.ofUrl("https://blog.example/2010/07/do-you-rp/")).contains("/2010/07/do-you-rp");
		assertThat(OldAddresses.of("/2010/07/Do-You-RP", null)).contains("/2010/07/do-you-rp");
		assertThat(OldAddresses.ofUrl("http://blog.example/?p=100")).contains("/?p=100");
		assertThat(OldAddresses.of("/", "utm_source=x&p=100")).contains("/?p=100");
		assertThat(OldAddresses.of("/index.php", "page_id=7")).contains("/?page_id=7");
	}

	@Test
	void cyrillicSlugsMatchEncodedOrNot() {
		String encoded = "/2021/01/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82/";
		assertThat(OldAddresses.of(encoded, null)).contains("/2021/01/привет");
		assertThat(OldAddresses.ofUrl("https://blog.example/2021/01/%d0%bf%d1%80%d0%b8%d0%b2%d0%b5%d1%82/"))
			.contains("/2021/01/привет");
	}

	@Test
	void theFrontPageIsNeverAnOldAddress() {
		assertThat(OldAddresses.of("/", null)).isEmpty();
		assertThat(OldAddresses.of("/", "lang=ru")).isEmpty();
		assertThat(OldAddresses.ofUrl("https://blog.example")).isEmpty();
		assertThat(OldAddresses.of("/%zz", null)).isEmpty();
	}

}
