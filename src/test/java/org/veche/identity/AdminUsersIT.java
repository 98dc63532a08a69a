package org.veche.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.veche.support.BrowserSession;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

/**
 * The administrator's user list: search, role changes and suspension, and how each
 * reaches the account's open session, its API tokens and its next sign-in.
 */
class AdminUsersIT extends IntegrationTest {

	private BrowserSession admin;

	@BeforeEach
	void signInAsAdministrator() {
		String email = "admin" + unique() + "@example.org";
		String password = "correct horse battery " + unique();
		identity.createAccount(new NewAccount(email, password, "Site Admin", Role.ADMINISTRATOR));
		admin = BrowserSession.signIn(http, email, password);
	}

	record Person(long id, String email, String password, String name) {
	}

	private Person person(Role role) {
		int n = unique();
		var person = new Person(0, "person" + n + "@example.org", "correct horse battery " + n, "Person Number" + n);
		long id = identity.createAccount(new NewAccount(person.email(), person.password(), person.name(), role)).id();
		return new Person(id, person.email(), person.password(), person.name());
	}

	private String tokenOf(Person person) {
		var response = http.postJson("/api/v1/auth/token",
				Map.of("email", person.email(), "password", person.password()));
		assertThat(response.status()).isEqualTo(200);
		return response.json().get("token").asString();
	}

	/** The person's row as the administrator finds them by e-mail. */
	private Element row(Person person) {
		var page = admin.get("/admin/users?q=" + person.email());
		assertThat(page.status()).isEqualTo(200);
		var row = page.html().selectFirst("tr[data-account=" + person.id() + "]");
		assertThat(row).as("row of %s", person.email()).isNotNull();
		return row;
	}

	private Http.Response post(Person person, String action, Map<String, String> more) {
		String csrf = BrowserSession.csrfToken(admin.get("/admin/users?q=" + person.email()).html());
		var fields = new java.util.HashMap<>(more);
		fields.put("_csrf", csrf);
		fields.put("q", person.email());
		return admin.postForm("/admin/users/" + person.id() + "/" + action, fields);
	}

	@Test
	void theListFindsAccountsByEmailOrNameWithRoleCreatedAndStatus() {
		var writer = person(Role.AUTHOR);
		person(Role.READER);

		var byEmail = admin.get("/admin/users?q=" + writer.email().toUpperCase());
		var byName = admin.get("/admin/users?q=" + writer.name().substring(7).toLowerCase());

		for (var found : java.util.List.of(byEmail, byName)) {
			assertThat(found.status()).isEqualTo(200);
			var rows = found.html().select("tbody tr");
			assertThat(rows).hasSize(1);
			assertThat(rows.first().selectFirst(".email").text()).isEqualTo(writer.email());
			assertThat(rows.first().selectFirst(".name").text()).isEqualTo(writer.name());
			assertThat(rows.first().selectFirst("select[name=role] option[selected]").attr("value"))
				.isEqualTo("AUTHOR");
			assertThat(rows.first().selectFirst(".status").text()).isEqualTo("Active");
			assertThat(rows.first().select("td").get(3).text()).isNotBlank();
		}
		var everyone = admin.get("/admin/users").html().select("tbody tr");
		assertThat(everyone.size()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void aSearchWithLikeWildcardsMatchesThemLiterally() {
		person(Role.READER);

		var found = admin.get("/admin/users?q=%25_%25");

		assertThat(found.status()).isEqualTo(200);
		assertThat(found.html().select("tbody tr")).isEmpty();
	}

	@Test
	void aRoleChangeReachesTheAccountsOpenSessionAndItsTokenAtOnce() {
		var person = person(Role.READER);
		var session = BrowserSession.signIn(http, person.email(), person.password());
		String token = tokenOf(person);
		assertThat(session.get("/editor").status()).isEqualTo(403);

		var changed = post(person, "role", Map.of("role", "EDITOR"));

		assertThat(changed.status()).isEqualTo(302);
		assertThat(changed.header("Location")).contains("/admin/users").contains("changed");
		assertThat(row(person).selectFirst("select[name=role] option[selected]").attr("value")).isEqualTo("EDITOR");
		assertThat(session.get("/editor").status()).as("the open session is an editor's now").isEqualTo(200);
		var published = http.bearer(token)
			.postJson("/api/v1/articles", Map.of("title", "Promoted " + unique(), "status", "published"));
		assertThat(published.status()).as("the token is an editor's now").isEqualTo(201);

		post(person, "role", Map.of("role", "READER"));
		assertThat(session.get("/editor").status()).as("and back").isEqualTo(403);
	}

	@Test
	void suspensionEndsTheSessionStopsTheTokenAndRefusesSignInUntilLifted() {
		var person = person(Role.AUTHOR);
		var session = BrowserSession.signIn(http, person.email(), person.password());
		String token = tokenOf(person);
		assertThat(session.get("/editor").status()).isEqualTo(200);
		assertThat(http.bearer(token).get("/api/v1/articles").status()).isEqualTo(200);

		var suspended = post(person, "suspend", Map.of());

		assertThat(suspended.status()).isEqualTo(302);
		assertThat(row(person).selectFirst(".status").text()).isEqualTo("Suspended");
		var afterwards = session.get("/editor");
		assertThat(afterwards.status()).as("signed out").isEqualTo(302);
		assertThat(afterwards.header("Location")).endsWith("/login");
		assertThat(http.bearer(token).get("/api/v1/articles").status()).isEqualTo(401);
		assertThat(http.postJson("/api/v1/auth/token", Map.of("email", person.email(), "password", person.password()))
			.status()).isEqualTo(401);
		var guessing = new BrowserSession(http);
		var wrongPassword = guessing.postForm("/login", Map.of("username", person.email(), "password",
				"not the password", "_csrf", BrowserSession.csrfToken(guessing.get("/login").html())));
		assertThat(wrongPassword.header("Location")).as("a wrong password tells nothing about the account")
			.endsWith("/login?error");
		var again = new BrowserSession(http);
		String csrf = BrowserSession.csrfToken(again.get("/login").html());
		var refused = again.postForm("/login",
				Map.of("username", person.email(), "password", person.password(), "_csrf", csrf));
		assertThat(refused.status()).isEqualTo(302);
		assertThat(refused.header("Location")).endsWith("/login?suspended");
		assertThat(again.get("/login?suspended").html().selectFirst(".form-error").text())
			.isEqualTo("This account is suspended. Ask the site\u2019s administrator.");
		assertThat(again.get("/editor").status()).as("not signed in").isEqualTo(302);

		var lifted = post(person, "unsuspend", Map.of());

		assertThat(lifted.status()).isEqualTo(302);
		assertThat(row(person).selectFirst(".status").text()).isEqualTo("Active");
		assertThat(BrowserSession.signIn(http, person.email(), person.password()).get("/editor").status())
			.isEqualTo(200);
		assertThat(http.bearer(token).get("/api/v1/articles").status()).isEqualTo(200);
	}

	@Test
	void anUnknownRoleIsRefusedWithTheListAgainAndAMessage() {
		var person = person(Role.READER);

		var refused = post(person, "role", Map.of("role", "EMPEROR"));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.html().selectFirst(".form-error").text()).isEqualTo("Choose one of the roles.");
		assertThat(row(person).selectFirst("select[name=role] option[selected]").attr("value")).isEqualTo("READER");
	}

	@Test
	void onlyAdministratorsGetTheAdminPagesAndTheLink() {
		var editor = person(Role.EDITOR);
		var session = BrowserSession.signIn(http, editor.email(), editor.password());
		var reader = person(Role.READER);

		assertThat(session.get("/admin").status()).isEqualTo(403);
		assertThat(session.get("/admin/users").status()).isEqualTo(403);
		String csrf = BrowserSession.csrfToken(session.get("/editor/articles/new").html());
		assertThat(session.postForm("/admin/users/" + reader.id() + "/suspend", Map.of("_csrf", csrf)).status())
			.isEqualTo(403);
		assertThat(row(reader).selectFirst(".status").text()).as("nothing changed").isEqualTo("Active");
		assertThat(new BrowserSession(http).get("/admin/users").header("Location")).endsWith("/login");
		assertThat(session.get("/").html().select("a[href=/admin]")).as("no link for an editor").isEmpty();
		assertThat(admin.get("/").html().select("a[href=/admin]")).as("a link for the administrator").hasSize(1);
		var settings = admin.get("/admin");
		assertThat(settings.status()).isEqualTo(200);
		assertThat(settings.html().selectFirst(".empty").text())
			.isEqualTo("No external sign-in provider is configured: people sign in with e-mail and password.");
	}

}
