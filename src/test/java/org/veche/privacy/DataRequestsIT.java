package org.veche.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.support.BrowserSession;
import org.veche.support.IntegrationTest;
import org.veche.support.TestMail;

import tools.jackson.databind.JsonNode;

/**
 * A guest gets a copy of their data, or has it erased, through a single-use link read
 * from the mailbox (GreenMail); a signed-in reader does both from the account; an
 * administrator does it for someone by e-mail. Erasure follows the site's policy
 * (anonymise, the default), deletes likes, and leaves an audit line that names no one.
 */
class DataRequestsIT extends IntegrationTest {

	@Autowired
	private DataRequests requests;

	private String editorToken;

	private String slug;

	@BeforeEach
	void article() {
		editorToken = tokenFor(Role.EDITOR);
		slug = publishArticle(editorToken, "Rights " + unique());
	}

	private long guestComment(String email, String name, String body, Long parentId) {
		var payload = new HashMap<String, Object>();
		payload.put("parentId", parentId);
		payload.put("author", Map.of("name", name, "email", email, "url", "https://blog.example.org/" + unique()));
		payload.put("body", body);
		var response = http.from(newAddress()).postJson("/api/v1/articles/" + slug + "/comments", payload);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	private JsonNode thread() {
		return http.get("/api/v1/articles/" + slug + "/comments").json().get("comments");
	}

	private JsonNode comment(long id) {
		for (JsonNode c : thread()) {
			if (c.get("id").asLong() == id) {
				return c;
			}
		}
		return null;
	}

	/**
	 * Asks for a link as a guest and follows it from the mail: the link's page, with its
	 * path.
	 */
	private String askForLink(String email) {
		int before = TestMail.to(email).size();
		var answer = http.postForm("/privacy/request", Map.of("email", email));
		assertThat(answer.status()).isEqualTo(200);
		var mail = TestMail.awaitMessage(email, before + 1);
		assertThat(TestMail.subject(mail)).isEqualTo("Your data on Veche");
		assertThat(TestMail.text(mail)).contains("works once, for 60 minutes");
		String path = TestMail.linkPath(mail);
		assertThat(path).startsWith("/privacy/request/");
		return path;
	}

	@Test
	void theRequestPageAnswersTheSameForAKnownAndAnUnknownAddress() {
		String known = "known" + unique() + "@example.org";
		guestComment(known, "Known", "I am known here", null);
		String unknown = "stranger" + unique() + "@example.org";

		var forKnown = http.postForm("/privacy/request", Map.of("email", known));
		var forUnknown = http.postForm("/privacy/request", Map.of("email", unknown));
		var invalid = http.postForm("/privacy/request", Map.of("email", "not an address"));

		assertThat(forKnown.status()).isEqualTo(forUnknown.status()).isEqualTo(200);
		assertThat(forKnown.html().select("main").text()).isEqualTo(forUnknown.html().select("main").text())
			.contains("a link is on its way");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.html().select(".form-error").text()).contains("valid e-mail address");
		assertThat(forKnown.cookies()).as("asking sets no cookie").isEmpty();
	}

	@Test
	void aGuestDownloadsTheirCommentsThroughTheMailedLinkWhichWorksOnce() {
		String email = "copy" + unique() + "@example.org";
		long first = guestComment(email, "Мирослава", "First words of mine", null);
		guestComment("other" + unique() + "@example.org", "Someone else", "Not hers", first);
		String link = askForLink(email);
		assertThat(http.get(link).html().select("button[value=export]")).as("the link's page offers a copy").hasSize(1);

		var download = http.postForm(link, Map.of("action", "export"));

		assertThat(download.status()).as(download.toString()).isEqualTo(200);
		assertThat(download.header("Content-Type")).startsWith("application/json");
		assertThat(download.header("Content-Disposition")).contains("attachment").contains("personal-data.json");
		var comments = download.json().get("discussion").get("comments");
		assertThat(comments.valueStream().map(c -> c.get("id").asLong()).toList()).containsExactly(first);
		assertThat(download.body()).doesNotContain("Not hers");
		assertThat(comments.get(0).get("email").asString()).isEqualTo(email);
		assertThat(comments.get(0).get("name").asString()).isEqualTo("Мирослава");
		assertThat(comments.get(0).get("text").asString()).isEqualTo("First words of mine");
		assertThat(comments.get(0).get("website").asString()).startsWith("https://blog.example.org/");
		assertThat(comments.get(0).get("addressHash").asString()).hasSize(32);
		assertThat(download.json().get("account").isNull()).as("a guest link opens no account").isTrue();
		var again = http.postForm(link, Map.of("action", "export"));
		assertThat(again.status()).as("the link works once").isEqualTo(410);
		assertThat(again.html().select(".form-error").text()).contains("already been used");
		assertThat(http.get(link).status()).isEqualTo(410);
		assertThat(http.get("/privacy/request/not-a-token").status()).isEqualTo(410);
	}

	@Test
	void aGuestErasureAnonymisesTheirCommentsAndTheAuditNamesNoOne() {
		String email = "erase" + unique() + "@example.org";
		long mine = guestComment(email, "Taras Hnatiuk", "Words that may stay", null);
		long reply = guestComment("replier" + unique() + "@example.org", "Replier", "A reply to Taras", mine);
		String link = askForLink(email);

		var unconfirmed = http.postForm(link, Map.of("action", "erase"));
		assertThat(unconfirmed.status()).isEqualTo(400);
		assertThat(comment(mine).get("author").get("name").asString()).as("nothing done yet")
			.isEqualTo("Taras Hnatiuk");

		var erased = http.postForm(link, Map.of("action", "erase", "confirm", "yes"));

		assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
		assertThat(erased.html().select("li[data-kind=comments.anonymised]").text())
			.isEqualTo("Comments anonymised: 1");
		var after = comment(mine);
		assertThat(after.get("author").get("name").asString()).isEmpty();
		assertThat(after.get("author").get("url").isNull()).isTrue();
		assertThat(after.get("html").asString()).contains("Words that may stay");
		assertThat(comment(reply).get("parentId").asLong()).as("the reply keeps its place").isEqualTo(mine);
		var page = http.get("/articles/" + slug).html();
		assertThat(page.select("#comment-" + mine + " > article .comment-author").text()).isEqualTo("Anonymous");
		assertThat(page.text()).doesNotContain("Taras Hnatiuk");
		var export = requests.export(Person.guest(email), DataRequests.Channel.ADMINISTRATOR);
		assertThat(((Map<?, ?>) export.get("discussion")).get("comments")).asList()
			.as("nothing left under the address")
			.isEmpty();
		var audit = requests.auditLines(10);
		assertThat(audit).anySatisfy(line -> {
			assertThat(line.kind()).isEqualTo("erasure");
			assertThat(line.channel()).isEqualTo("guest_link");
			assertThat(line.summary()).contains("policy=anonymise").contains("comments.anonymised=1");
		});
		assertThat(audit).allSatisfy(line -> assertThat(line.summary()).doesNotContain("@").doesNotContain("Taras"));
	}

	@Test
	void aSignedInReaderDownloadsAndErasesTheirAccountWithItsCommentsAndLikes() {
		String email = "account" + unique() + "@example.org";
		String password = "correct horse battery " + unique();
		var account = identity.createAccount(new NewAccount(email, password, "Оксана Reader", Role.READER));
		var reader = BrowserSession.signIn(http, email, password);
		String token = http.postJson("/api/v1/auth/token", Map.of("email", email, "password", password))
			.json()
			.get("token")
			.asString();
		long mine = http.bearer(token)
			.from(newAddress())
			.postJson("/api/v1/articles/" + slug + "/comments", Map.of("body", "Said as an account"))
			.json()
			.get("id")
			.asLong();
		long theirs = guestComment("liked" + unique() + "@example.org", "Liked", "Worth a like", null);
		assertThat(http.bearer(token)
			.postJson("/api/v1/comments/" + theirs + "/like", Map.of())
			.json()
			.get("likes")
			.asInt()).isEqualTo(1);
		var page = reader.get("/account/data");
		assertThat(page.status()).isEqualTo(200);
		String csrf = BrowserSession.csrfToken(page.html());
		assertThat(reader.get("/account").html().select("a[href=/account/data]")).hasSize(1);

		var download = reader.postForm("/account/data/export", Map.of("_csrf", csrf));

		assertThat(download.status()).as(download.toString()).isEqualTo(200);
		var json = download.json();
		assertThat(json.get("account").get("email").asString()).isEqualTo(email);
		assertThat(json.get("account").get("displayName").asString()).isEqualTo("Оксана Reader");
		assertThat(json.get("account").get("apiTokens").get(0).has("token_hash")).as("no secret exported").isFalse();
		assertThat(json.get("discussion").get("comments").get(0).get("id").asLong()).isEqualTo(mine);
		assertThat(json.get("discussion").get("likes").get(0).get("commentId").asLong()).isEqualTo(theirs);

		var erased = reader.postForm("/account/data/erase", Map.of("_csrf", csrf, "confirm", "yes"));

		assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
		assertThat(erased.html().select("li[data-kind=accounts.deleted]").text()).isEqualTo("Accounts deleted: 1");
		assertThat(erased.html().select("li[data-kind=likes.deleted]").text()).isEqualTo("Likes deleted: 1");
		assertThat(identity.account(account.id())).as("the account is gone").isEmpty();
		assertThat(comment(theirs).get("likes").asInt()).as("the like is taken back").isZero();
		assertThat(comment(mine).get("author").get("name").asString()).isEmpty();
		assertThat(reader.get("/account").status()).as("signed out").isNotEqualTo(200);
		assertThat(http.postJson("/api/v1/auth/token", Map.of("email", email, "password", password)).status())
			.isEqualTo(401);
	}

	@Test
	void anAdministratorExportsAndErasesForAPersonByEmail() {
		String admin = "admin" + unique() + "@example.org";
		identity.createAccount(new NewAccount(admin, "correct horse battery staple", "Admin", Role.ADMINISTRATOR));
		var session = BrowserSession.signIn(http, admin, "correct horse battery staple");
		String email = "byletter" + unique() + "@example.org";
		long mine = guestComment(email, "Letter Writer", "Asked by letter", null);
		var page = session.get("/admin/privacy");
		assertThat(page.status()).isEqualTo(200);
		String csrf = BrowserSession.csrfToken(page.html());

		var download = session.postForm("/admin/privacy", Map.of("_csrf", csrf, "action", "export", "email", email));
		var refused = session.postForm("/admin/privacy", Map.of("_csrf", csrf, "action", "erase", "email", email));
		var erased = session.postForm("/admin/privacy",
				Map.of("_csrf", csrf, "action", "erase", "email", email, "confirm", "yes"));

		assertThat(download.json().get("discussion").get("comments").get(0).get("id").asLong()).isEqualTo(mine);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(erased.status()).isEqualTo(200);
		assertThat(erased.html().select("li[data-kind=comments.anonymised]").text())
			.isEqualTo("Comments anonymised: 1");
		assertThat(erased.html().select("table.audit td").text()).contains("administrator").doesNotContain(email);
		assertThat(comment(mine).get("author").get("name").asString()).isEmpty();
		String readerEmail = "notadmin" + unique() + "@example.org";
		identity.createAccount(new NewAccount(readerEmail, "correct horse battery staple", "Reader", Role.READER));
		assertThat(
				BrowserSession.signIn(http, readerEmail, "correct horse battery staple").get("/admin/privacy").status())
			.isEqualTo(403);
	}

	@Test
	void aStaffAccountIsNotErasedAndNothingElseIsEither() {
		String email = "desk" + unique() + "@example.org";
		String password = "correct horse battery " + unique();
		identity.createAccount(new NewAccount(email, password, "Desk", Role.EDITOR));
		long mine = guestComment(email, "Desk", "Staff words", null);
		var session = BrowserSession.signIn(http, email, password);
		String csrf = BrowserSession.csrfToken(session.get("/account/data").html());

		var refused = session.postForm("/account/data/erase", Map.of("_csrf", csrf, "confirm", "yes"));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.html().select(".form-error").text()).contains("newsroom");
		assertThat(comment(mine).get("author").get("name").asString()).as("rolled back").isEqualTo("Desk");
	}

}
