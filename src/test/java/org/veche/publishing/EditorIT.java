package org.veche.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.support.BrowserSession;
import org.veche.support.IntegrationTest;

/**
 * The editor's HTML form with a real signed-in session: saving, previewing, and refusing
 * a form without a title.
 */
class EditorIT extends IntegrationTest {

	private BrowserSession editor;

	@BeforeEach
	void signIn() {
		String email = "desk" + unique() + "@example.org";
		String password = "correct horse battery " + unique();
		identity.createAccount(new NewAccount(email, password, "Desk Editor", Role.EDITOR));
		editor = BrowserSession.signIn(http, email, password);
	}

	/** The new-article form as a browser would post it, with the token from the page. */
	private Map<String, String> form(String title, String status, String action) {
		var page = editor.get("/editor/articles/new");
		assertThat(page.status()).isEqualTo(200);
		var fields = new HashMap<String, String>();
		fields.put("_csrf", BrowserSession.csrfToken(page.html()));
		fields.put("kind", "ARTICLE");
		fields.put("title", title);
		fields.put("lead", "A standfirst for " + title);
		fields.put("body", "Some **bold** words and a [link](https://example.org/desk).");
		fields.put("tags", "desk, Politics ");
		fields.put("sourceName", "Desk Agency");
		fields.put("sourceUrl", "https://agency.example.org/story");
		fields.put("status", status);
		fields.put("publishAt", "");
		fields.put("action", action);
		return fields;
	}

	@Test
	void theDeskListsWhatIsOnItForASignedInEditor() {
		var desk = editor.get("/editor");

		assertThat(desk.status()).isEqualTo(200);
		assertThat(desk.html().select("a[href=/editor/articles/new]")).isNotEmpty();
	}

	@Test
	void savingAPublishedArticleRedirectsToItsEditPageAndPublishesIt() {
		String title = "Written at the desk " + unique();

		var saved = editor.postForm("/editor/articles", form(title, "PUBLISHED", "save"));

		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.header("Location")).matches(".*/editor/articles/\\d+\\?saved$");
		String editPath = saved.header("Location").replaceFirst("^https?://[^/]+", "");
		var edit = editor.get(editPath);
		assertThat(edit.status()).isEqualTo(200);
		assertThat(edit.html().selectFirst(".notice").text()).isEqualTo("Saved.");
		assertThat(edit.html().selectFirst("input[name=title]").attr("value")).isEqualTo(title);

		var listed = http.get("/api/v1/articles?size=10").json().get("articles");
		var mine = listed.valueStream().filter(a -> a.get("title").asString().equals(title)).findFirst();
		assertThat(mine).as("the published article is in the API's list").isPresent();
		var article = http.get("/api/v1/articles/" + mine.get().get("slug").asString()).json();
		assertThat(article.get("author").asString()).isEqualTo("Desk Editor");
		assertThat(article.get("lead").asString()).isEqualTo("A standfirst for " + title);
		assertThat(article.get("html").asString()).contains("<strong>bold</strong>");
		assertThat(article.get("tags").valueStream().map(t -> t.asString()).toList()).containsExactlyInAnyOrder("desk",
				"politics");
		assertThat(article.get("source").get("url").asString()).isEqualTo("https://agency.example.org/story");
	}

	@Test
	void aSavedDraftStaysOffTheSite() {
		String title = "Desk draft " + unique();

		var saved = editor.postForm("/editor/articles", form(title, "DRAFT", "save"));

		assertThat(saved.status()).isEqualTo(302);
		var listed = http.get("/api/v1/articles?size=10").json().get("articles");
		assertThat(listed.valueStream().map(a -> a.get("title").asString())).doesNotContain(title);
		assertThat(editor.get("/editor").html().text()).contains(title);
	}

	@Test
	void previewShowsTheRenderedMarkdownInTheFormAndSavesNothing() {
		String title = "Previewed " + unique();
		var fields = form(title, "PUBLISHED", "preview");
		fields.put("body", "# Heading\n\nText with *emphasis*.\n\n<script>alert('preview')</script>");

		var preview = editor.postForm("/editor/articles", fields);

		assertThat(preview.status()).isEqualTo(200);
		var page = preview.html();
		var rendered = page.selectFirst("#preview");
		assertThat(rendered.selectFirst("h1").text()).isEqualTo("Heading");
		assertThat(rendered.selectFirst("em").text()).isEqualTo("emphasis");
		assertThat(rendered.select("script")).isEmpty();
		assertThat(page.selectFirst("input[name=title]").attr("value")).isEqualTo(title);
		assertThat(page.selectFirst("textarea[name=body]").text()).contains("Text with *emphasis*.");
		var listed = http.get("/api/v1/articles?size=10").json().get("articles");
		assertThat(listed.valueStream().map(a -> a.get("title").asString())).doesNotContain(title);
	}

	@Test
	void aMissingTitleShowsTheFormAgainWith422AndKeepsWhatWasTyped() {
		var fields = form("", "PUBLISHED", "save");
		fields.put("lead", "A standfirst nobody should lose " + unique());
		fields.put("body", "Paragraph one.\n\nParagraph two with *care*.");

		var refused = editor.postForm("/editor/articles", fields);

		assertThat(refused.status()).isEqualTo(422);
		var page = refused.html();
		assertThat(page.selectFirst(".form-error").text()).isEqualTo("The title is required.");
		assertThat(page.selectFirst("textarea[name=lead]").text()).isEqualTo(fields.get("lead"));
		assertThat(page.selectFirst("textarea[name=body]").wholeText()).isEqualTo(fields.get("body"));
		assertThat(page.selectFirst("input[name=tags]").attr("value")).isEqualTo("desk, Politics ");
		assertThat(page.selectFirst("input[name=sourceName]").attr("value")).isEqualTo("Desk Agency");
		assertThat(page.selectFirst("input[name=sourceUrl]").attr("value"))
			.isEqualTo("https://agency.example.org/story");
		assertThat(page.selectFirst("input[name=status][value=PUBLISHED]").hasAttr("checked")).isTrue();
	}

	@Test
	void aFormPostWithTheSessionButWithoutTheCsrfTokenIsRefused() {
		String title = "Forged " + unique();
		var fields = form(title, "PUBLISHED", "save");
		fields.remove("_csrf");

		var forged = editor.postForm("/editor/articles", fields);

		assertThat(forged.status()).isEqualTo(403);
		var listed = http.get("/api/v1/articles?size=10").json().get("articles");
		assertThat(listed.valueStream().map(a -> a.get("title").asString())).doesNotContain(title);
	}

}
