package org.veche.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.media.PhotoLibrary;
import org.veche.support.BrowserSession;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Authors write and save drafts of their own articles, in the editor and over the API,
 * and add photos to them; they cannot publish or schedule, nor touch anyone else's
 * article. Editors publish an author's draft.
 */
class AuthorRoleIT extends IntegrationTest {

	private String authorEmail;

	private String authorPassword;

	private String authorName;

	private BrowserSession author;

	@Autowired
	private PhotoLibrary photos;

	@BeforeEach
	void signInAsAuthor() {
		authorEmail = "author" + unique() + "@example.org";
		authorPassword = "correct horse battery " + unique();
		authorName = "Staff Writer " + unique();
		identity.createAccount(new NewAccount(authorEmail, authorPassword, authorName, Role.AUTHOR));
		author = BrowserSession.signIn(http, authorEmail, authorPassword);
	}

	private String authorToken() {
		var response = http.postJson("/api/v1/auth/token", Map.of("email", authorEmail, "password", authorPassword));
		assertThat(response.status()).isEqualTo(200);
		return response.json().get("token").asString();
	}

	private static Map<String, String> fields(String csrf, String title, String status) {
		var fields = new HashMap<String, String>();
		fields.put("_csrf", csrf);
		fields.put("kind", "ARTICLE");
		fields.put("title", title);
		fields.put("lead", "Lead of " + title);
		fields.put("body", "Body of *" + title + "*");
		fields.put("tags", "desk");
		fields.put("sourceName", "");
		fields.put("sourceUrl", "");
		fields.put("status", status);
		fields.put("publishAt", "");
		fields.put("action", "save");
		return fields;
	}

	private JsonNode createOverApi(String token, String title, String status) {
		var response = http.bearer(token)
			.postJson("/api/v1/articles", Map.of("title", title, "body", "Text of " + title, "status", status));
		assertThat(response.status()).as("created: %s", response).isEqualTo(201);
		return response.json();
	}

	private List<String> publishedTitles() {
		return http.get("/api/v1/articles?size=100")
			.json()
			.get("articles")
			.valueStream()
			.map(a -> a.get("title").asString())
			.toList();
	}

	private static byte[] jpeg() throws IOException {
		var image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}

	@Test
	void anAuthorOpensTheEditorAndIsOfferedOnlyTheDraftStatus() {
		var blank = author.get("/editor/articles/new");

		assertThat(blank.status()).isEqualTo(200);
		var statuses = blank.html().select("input[name=status]").eachAttr("value");
		assertThat(statuses).containsExactly("DRAFT");
		assertThat(blank.html().select("input[name=publishAt]")).isEmpty();
		assertThat(author.get("/editor").status()).isEqualTo(200);
	}

	@Test
	void anAuthorSavesADraftWithTheEditorFormAndFindsItOnTheirDesk() {
		String title = "Author draft " + unique();
		String csrf = BrowserSession.csrfToken(author.get("/editor/articles/new").html());

		var saved = author.postForm("/editor/articles", fields(csrf, title, "DRAFT"));

		assertThat(saved.status()).isEqualTo(302);
		String editPath = saved.header("Location").replaceFirst("^https?://[^/]+", "");
		assertThat(editPath).matches("/editor/articles/\\d+\\?saved");
		var edit = author.get(editPath);
		assertThat(edit.status()).isEqualTo(200);
		assertThat(edit.html().selectFirst("input[name=title]").attr("value")).isEqualTo(title);
		assertThat(author.get("/editor").html().text()).contains(title);
		assertThat(publishedTitles()).doesNotContain(title);
	}

	@Test
	void anAuthorsPublishFromTheFormIsRefusedWithTheFormAgainAndAMessage() {
		for (String status : List.of("PUBLISHED", "SCHEDULED")) {
			String title = "Author tries " + status + " " + unique();
			String csrf = BrowserSession.csrfToken(author.get("/editor/articles/new").html());
			var fields = fields(csrf, title, status);
			fields.put("publishAt", "2099-01-01T10:00");

			var refused = author.postForm("/editor/articles", fields);

			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.html().selectFirst(".form-error").text())
				.isEqualTo("Authors save drafts; an editor publishes or schedules them.");
			assertThat(refused.html().selectFirst("input[name=title]").attr("value")).isEqualTo(title);
			assertThat(author.get("/editor").html().text()).doesNotContain(title);
			assertThat(publishedTitles()).doesNotContain(title);
		}
	}

	@Test
	void anAuthorTokenCreatesDraftsButPublishingOrSchedulingIsRefusedWith403() {
		String token = authorToken();
		String title = "API draft " + unique();

		var draft = createOverApi(token, title, "draft");
		var published = http.bearer(token)
			.postJson("/api/v1/articles", Map.of("title", "API publish " + unique(), "status", "published"));
		var scheduled = http.bearer(token)
			.postJson("/api/v1/articles", Map.of("title", "API schedule " + unique(), "status", "scheduled",
					"publishAt", "2099-01-01T10:00:00Z"));

		assertThat(draft.get("slug").asString()).isNotBlank();
		for (var refused : List.of(published, scheduled)) {
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
			assertThat(refused.json().get("detail").asString())
				.isEqualTo("Authors save drafts; an editor publishes or schedules them.");
		}
		assertThat(publishedTitles()).doesNotContain(title);
		assertThat(author.get("/editor").html().text()).contains(title);
	}

	@Test
	void aReaderTokenCannotCreateEvenADraft() {
		var response = http.bearer(tokenFor(Role.READER))
			.postJson("/api/v1/articles", Map.of("title", "Reader draft " + unique(), "status", "draft"));

		assertThat(response.status()).isEqualTo(403);
	}

	@Test
	void anAuthorCannotOpenOrSaveAnotherWritersArticle() {
		String editorToken = tokenFor(Role.EDITOR);
		String title = "Someone else's draft " + unique();
		long id = createOverApi(editorToken, title, "draft").get("id").asLong();

		var open = author.get("/editor/articles/" + id);
		var photos = author.get("/editor/articles/" + id + "/photos");
		String csrf = BrowserSession.csrfToken(author.get("/editor/articles/new").html());
		var save = author.postForm("/editor/articles/" + id, fields(csrf, "Taken over " + unique(), "DRAFT"));

		assertThat(open.status()).isEqualTo(403);
		assertThat(photos.status()).isEqualTo(403);
		assertThat(save.status()).isEqualTo(403);
		assertThat(author.get("/editor").html().text()).as("not on the author's desk").doesNotContain(title);
	}

	@Test
	void anEditorPublishesAnAuthorsDraftAndTheAuthorCanNoLongerChangeIt() {
		String title = "Filed by an author " + unique();
		long id = createOverApi(authorToken(), title, "draft").get("id").asLong();
		String editorEmail = "editor" + unique() + "@example.org";
		String editorPassword = "correct horse battery " + unique();
		identity.createAccount(new NewAccount(editorEmail, editorPassword, "Chief Editor", Role.EDITOR));
		var editor = BrowserSession.signIn(http, editorEmail, editorPassword);

		var open = editor.get("/editor/articles/" + id);
		assertThat(open.status()).isEqualTo(200);
		assertThat(open.html().select("input[name=status]").eachAttr("value")).containsExactly("DRAFT", "PUBLISHED",
				"SCHEDULED");
		var published = editor.postForm("/editor/articles/" + id,
				fields(BrowserSession.csrfToken(open.html()), title, "PUBLISHED"));

		assertThat(published.status()).isEqualTo(302);
		var listed = http.get("/api/v1/articles?size=100")
			.json()
			.get("articles")
			.valueStream()
			.filter(a -> a.get("title").asString().equals(title))
			.findFirst();
		assertThat(listed).as("published").isPresent();
		var article = http.get("/api/v1/articles/" + listed.get().get("slug").asString()).json();
		assertThat(article.get("author").asString()).as("still the author's article").isEqualTo(authorName);
		assertThat(author.get("/editor/articles/" + id).status()).as("published: the editor's now").isEqualTo(403);
		var desk = author.get("/editor").html();
		assertThat(desk.text()).contains(title);
		assertThat(desk.select("a[href=/editor/articles/" + id + "]")).as("listed without an edit link").isEmpty();
	}

	@Test
	void anAuthorUploadsAPhotoToTheirOwnDraftButNotToAnotherArticle() throws IOException {
		String token = authorToken();
		var draft = createOverApi(token, "Author photo story " + unique(), "draft");
		String mine = draft.get("slug").asString();
		String theirs = publishArticle(tokenFor(Role.EDITOR), "Editor's story " + unique());
		var parts = Map.<String, Object>of("file", new Http.FilePart("square.jpg", "image/jpeg", jpeg()), "caption",
				"A square", "alt", "A black square");

		var own = http.bearer(token).postMultipart("/api/v1/articles/" + mine + "/photos", parts);
		var other = http.bearer(token).postMultipart("/api/v1/articles/" + theirs + "/photos", parts);

		assertThat(own.status()).as("own draft: %s", own).isEqualTo(201);
		var gallery = author.get("/editor/articles/" + draft.get("id").asLong() + "/photos");
		assertThat(gallery.status()).as("the author's own gallery page").isEqualTo(200);
		assertThat(gallery.html().select("img")).as("the uploaded photo is in the gallery").isNotEmpty();
		assertThat(other.status()).isEqualTo(403);
		assertThat(other.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void anAuthorCannotChangeOrRemoveAPhotoOfAnotherArticle() throws IOException {
		String editorToken = tokenFor(Role.EDITOR);
		var article = createOverApi(editorToken, "Editor's gallery " + unique(), "draft");
		var uploaded = http.bearer(editorToken)
			.postMultipart("/api/v1/articles/" + article.get("slug").asString() + "/photos",
					Map.of("file", new Http.FilePart("square.jpg", "image/jpeg", jpeg()), "alt", "A square"));
		assertThat(uploaded.status()).isEqualTo(201);
		long photoId = uploaded.json().get("id").asLong();
		String csrf = BrowserSession.csrfToken(author.get("/editor/articles/new").html());

		var removal = author.postForm("/editor/photos/" + photoId, Map.of("_csrf", csrf, "action", "remove"));

		assertThat(removal.status()).isEqualTo(403);
		assertThat(photos.photo(photoId)).as("the photo is still there").isPresent();
	}

}
