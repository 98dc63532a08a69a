package org.veche.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.veche.support.BrowserSession;
import org.veche.support.IntegrationTest;

class SignInIT extends IntegrationTest {

	private String editorEmail;

	private String editorPassword;

	private void makeEditor() {
		editorEmail = "signin" + unique() + "@example.org";
		editorPassword = "correct horse battery " + unique();
		identity.createAccount(new NewAccount(editorEmail, editorPassword, "Signing Editor", Role.EDITOR));
	}

	@Test
	void theSignInPageCarriesAFormWithACsrfTokenAndStartsASession() {
		var session = new BrowserSession(http);
		var page = session.get("/login");

		assertThat(page.status()).isEqualTo(200);
		var form = page.html().selectFirst("form[action=/login][method=post]");
		assertThat(form).isNotNull();
		assertThat(form.select("input[name=username]")).hasSize(1);
		assertThat(form.select("input[name=password][type=password]")).hasSize(1);
		assertThat(BrowserSession.csrfToken(page.html())).isNotBlank();
		assertThat(session.hasCookie("veche_session")).as("the token lives in the session").isTrue();
	}

	@Test
	void anEditorSignsInWithTheFormAndReachesTheEditor() {
		makeEditor();
		var session = new BrowserSession(http);
		String token = BrowserSession.csrfToken(session.get("/login").html());
		String before = session.cookie("veche_session");

		var signIn = session.postForm("/login",
				Map.of("username", editorEmail, "password", editorPassword, "_csrf", token));

		assertThat(signIn.status()).isEqualTo(302);
		assertThat(signIn.header("Location")).endsWith("/editor");
		assertThat(session.cookie("veche_session")).as("a new session id after signing in").isNotEqualTo(before);
		var desk = session.get("/editor");
		assertThat(desk.status()).isEqualTo(200);
		assertThat(desk.html().selectFirst(".signed-in b").text()).isEqualTo("Signing Editor");
	}

	@Test
	void aSignInPostWithoutTheCsrfTokenIsRefusedEvenWithTheRightPassword() {
		makeEditor();
		var session = new BrowserSession(http);
		session.get("/login");

		var withoutToken = session.postForm("/login", Map.of("username", editorEmail, "password", editorPassword));

		assertThat(withoutToken.status()).isEqualTo(403);
		var editor = session.get("/editor");
		assertThat(editor.status()).as("not signed in").isEqualTo(302);
		assertThat(editor.header("Location")).endsWith("/login");
	}

	@Test
	void aSignInPostWithoutAnySessionIsRefused() {
		makeEditor();
		var response = http.postForm("/login", Map.of("username", editorEmail, "password", editorPassword));

		assertThat(response.status()).isEqualTo(403);
	}

	@Test
	void aWrongPasswordSendsTheReaderBackToTheFormWithAMessage() {
		makeEditor();
		var session = new BrowserSession(http);
		String token = BrowserSession.csrfToken(session.get("/login").html());

		var wrong = session.postForm("/login",
				Map.of("username", editorEmail, "password", "not the password at all", "_csrf", token));

		assertThat(wrong.status()).isEqualTo(302);
		assertThat(wrong.header("Location")).endsWith("/login?error");
		var again = session.get("/login?error");
		assertThat(again.html().selectFirst(".form-error").text()).isEqualTo("The e-mail or password is not right.");
		assertThat(session.get("/editor").status()).isEqualTo(302);
	}

	@Test
	void anAnonymousVisitToTheEditorIsSentToSignIn() {
		var response = new BrowserSession(http).get("/editor");

		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).endsWith("/login");
	}

	@Test
	void aReaderAccountIsNotLetIntoTheEditor() {
		String email = "reader" + unique() + "@example.org";
		String password = "correct horse battery " + unique();
		identity.createAccount(new NewAccount(email, password, "Just A Reader", Role.READER));
		var session = BrowserSession.signIn(http, email, password);

		assertThat(session.get("/editor").status()).isEqualTo(403);
	}

}
