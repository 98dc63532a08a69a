package org.veche.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.veche.identity.Identity;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;

import tools.jackson.databind.JsonNode;

/**
 * A real Veche on a random port, over its own SQLite file or PostgreSQL database, without
 * demo content. One context is shared by the test classes that extend this, so each test
 * makes its own articles and readers. Tests that change the site's discussion settings
 * put them back when they are done.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "veche.demo-content=false", "logging.level.org.veche=info",
				// WordPress's holding rules and the raid detector are on by default;
				// tests that are not about them post and see at once (many post bursts on
				// one thread), and the moderation tests switch them on
				"veche.moderation.hold-first-comment=false", "veche.moderation.hold-links=0",
				"veche.moderation.raid-size=0", "veche.moderation.surge.size=0",
				// a surge's quiet period is shortened by the surge tests, which then wait
				// for its lift
				"veche.moderation.surge.check=PT1S",
				// a guest's page is rebuilt at once after each change, so a test sees a
				// change on its next view
				"veche.page-cache.rebuild-every=0",
				// the import tests' image server runs on 127.0.0.1; every other private
				// address stays refused
				"veche.importer.image-exempt-addresses=127.0.0.1",
				// requests without X-Forwarded-For are the tests' own set-up; readers
				// come "from" other addresses
				"veche.rate-limit.exempt-addresses=127.0.0.1" })
@ContextConfiguration(initializers = TestDatabase.class)
public abstract class IntegrationTest {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@LocalServerPort
	protected int port;

	@Autowired
	protected Identity identity;

	protected Http http;

	@BeforeEach
	void client() {
		http = new Http(port);
	}

	/** A unique suffix, so tests sharing one database never collide. */
	protected static int unique() {
		return SEQUENCE.incrementAndGet();
	}

	/**
	 * A distinct reader's network address, so the flood limit of one test does not touch
	 * another.
	 */
	protected static String newAddress() {
		int n = unique();
		return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
	}

	/**
	 * Makes an account with the role and returns an API token for it, through the public
	 * token endpoint.
	 */
	protected String tokenFor(Role role) {
		String email = role.name().toLowerCase() + unique() + "@example.org";
		String password = "correct horse battery " + unique();
		identity.createAccount(new NewAccount(email, password, role.name() + " " + unique(), role));
		var response = http.postJson("/api/v1/auth/token", Map.of("email", email, "password", password));
		if (response.status() != 200) {
			throw new AssertionError("no token: " + response);
		}
		return response.json().get("token").asString();
	}

	/** Publishes an article through the API as an editor and returns its slug. */
	protected String publishArticle(String editorToken, String title) {
		var response = http.bearer(editorToken)
			.postJson("/api/v1/articles", Map.of("title", title, "lead", "Lead of " + title, "body",
					"Body of *" + title + "*", "tags", List.of("test"), "status", "published"));
		if (response.status() != 201) {
			throw new AssertionError("article not created: " + response);
		}
		return response.json().get("slug").asString();
	}

	/** Posts a guest comment through the API from a fresh address. */
	protected JsonNode postComment(String slug, Long parentId, String name, String body) {
		var payload = new java.util.HashMap<String, Object>();
		payload.put("parentId", parentId);
		payload.put("author", Map.of("name", name, "email", "reader" + unique() + "@example.org"));
		payload.put("body", body);
		var response = http.from(newAddress()).postJson("/api/v1/articles/" + slug + "/comments", payload);
		if (response.status() != 201) {
			throw new AssertionError("comment not posted: " + response);
		}
		return response.json();
	}

}
