package org.veche.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.support.BrowserSession;
import org.veche.support.IntegrationTest;

/**
 * Signing in for the embedded discussion: the window signs the reader in on this site and
 * asks before turning on the script's token for the one site; the token then comments as
 * the account, only from that site, until the reader logs out. And the administrator's
 * page of allowed sites.
 */
class EmbedSignInIT extends IntegrationTest {

	@Autowired
	EmbeddedPages pages;

	private static final String PASSWORD = "correct horse battery staple";

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static String q(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	@Test
	void theWindowSignsInAsksAndThenTheTokenCommentsAsTheAccount() throws Exception {
		String site = "https://signed" + unique() + ".example";
		EmbedSupport.allow(pages, site);
		String email = "embed" + unique() + "@example.org";
		identity.createAccount(new NewAccount(email, PASSWORD, "Embedded Reader", Role.READER));
		String token = "ve_" + UUID.randomUUID() + UUID.randomUUID();
		String window = "/embed/sign-in?origin=" + q(site) + "&token=" + sha256(token);

		var browser = new BrowserSession(http);
		var toLogin = browser.get(window);
		assertThat(toLogin.status()).isEqualTo(302);
		assertThat(toLogin.header("Location")).endsWith("/login");
		var login = browser.get("/login");
		var signedIn = browser.postForm("/login",
				Map.of("username", email, "password", PASSWORD, "_csrf", BrowserSession.csrfToken(login.html())));
		assertThat(signedIn.header("Location")).endsWith(window);

		var ask = browser.get(window);
		assertThat(ask.status()).isEqualTo(200);
		assertThat(ask.html().select("main p").first().text())
			.isEqualTo("You are signed in as Embedded Reader. Comment on " + site + " under this account?");
		var reader = http.from(newAddress()).with("Origin", site).bearer(token);
		assertThat(reader.get("/embed/v1/me").json().get("reader").isNull()).as("nothing before the reader agrees")
			.isTrue();

		var done = browser.postForm("/embed/sign-in",
				Map.of("origin", site, "token", sha256(token), "_csrf", BrowserSession.csrfToken(ask.html())));
		assertThat(done.status()).isEqualTo(200);
		assertThat(done.html().select("[data-embed-signed-in]").text()).startsWith("You can now comment on " + site);
		assertThat(done.body()).doesNotContain(token);

		var me = reader.get("/embed/v1/me").json().get("reader");
		assertThat(me.get("name").asString()).isEqualTo("Embedded Reader");
		assertThat(me.get("line").asString()).isEqualTo("You are commenting as Embedded Reader.");
		var posted = reader.postJson("/embed/v1/comments",
				Map.of("url", site + "/post/", "title", "Signed post", "body", "As my account"));
		assertThat(posted.status()).isEqualTo(201);
		assertThat(posted.json().get("author").get("name").asString()).isEqualTo("Embedded Reader");
		assertThat(http.get(pages.find(site + "/post").orElseThrow().articlePath())
			.html()
			.select(".comment-author")
			.text()).isEqualTo("Embedded Reader");

		String elsewhere = "https://other" + unique() + ".example";
		EmbedSupport.allow(pages, elsewhere);
		assertThat(http.with("Origin", elsewhere).bearer(token).get("/embed/v1/me").json().get("reader").isNull())
			.as("the token works only on the site it was made for")
			.isTrue();

		assertThat(reader.delete("/embed/v1/session").status()).isEqualTo(204);
		assertThat(reader.get("/embed/v1/me").json().get("reader").isNull()).isTrue();
	}

	@Test
	void theWindowRefusesASiteThatMayNotEmbed() throws Exception {
		String email = "refused" + unique() + "@example.org";
		identity.createAccount(new NewAccount(email, PASSWORD, "Careful Reader", Role.READER));
		var browser = BrowserSession.signIn(http, email, PASSWORD);
		var refused = browser.get("/embed/sign-in?origin=" + q("https://evil" + unique() + ".example") + "&token="
				+ sha256("anything at all, long enough"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.html().select(".form-error").text()).contains("does not embed this site");
	}

	@Test
	void onlyAdministratorsSetTheAllowedSitesAndBadEntriesChangeNothing() {
		String readerEmail = "notadmin" + unique() + "@example.org";
		identity.createAccount(new NewAccount(readerEmail, PASSWORD, "Reader", Role.READER));
		assertThat(BrowserSession.signIn(http, readerEmail, PASSWORD).get("/admin/embed").status()).isEqualTo(403);

		String adminEmail = "admin" + unique() + "@example.org";
		identity.createAccount(new NewAccount(adminEmail, PASSWORD, "Admin", Role.ADMINISTRATOR));
		var admin = BrowserSession.signIn(http, adminEmail, PASSWORD);
		var page = admin.get("/admin/embed").html();
		assertThat(page.select(".embed-snippet").text()).contains("/embed.js");
		var before = new LinkedHashSet<>(pages.allowedOrigins());

		String current = page.select("textarea[name=origins]").text();
		var bad = admin.postForm("/admin/embed",
				Map.of("origins", current + "\nhttps://fine.example\nhttps://blog.example/with/path", "_csrf",
						BrowserSession.csrfToken(page)));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.html().select(".form-error").text()).contains("https://blog.example/with/path");
		assertThat(pages.allowedOrigins()).containsExactlyElementsOf(before);

		String added = "https://Admin" + unique() + ".Example:443/";
		var saved = admin.postForm("/admin/embed",
				Map.of("origins", current + "\n" + added, "_csrf", BrowserSession.csrfToken(page)));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(pages.allowedOrigins()).containsAll(before).contains(added.toLowerCase().replace(":443/", ""));
		assertThat(admin.get("/admin/embed?saved").html().select("textarea[name=origins]").text())
			.contains(added.toLowerCase().replace(":443/", ""));
	}

}
