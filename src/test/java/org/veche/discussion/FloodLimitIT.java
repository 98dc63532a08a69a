package org.veche.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * One comment per 10 s from one address and from one e-mail; staff are exempt. The second
 * post follows the first at once, well inside the interval even on a slow machine.
 */
class FloodLimitIT extends DiscussionSupport {

	private static final String TOO_QUICKLY = "You are posting comments too quickly. Please wait 10 seconds and try again.";

	@Test
	void aSecondCommentFromTheSameAddressWithinTheIntervalIs429AndNotStored() {
		String slug = newArticle("Flood address");
		String address = newAddress();
		assertThat(postApi(slug, reply(null, "First", newEmail(), null, "One"), address).status()).isEqualTo(201);
		int before = total(slug);

		var second = postApi(slug, reply(null, "Second", newEmail(), null, "Two"), address);
		assertThat(assertProblem(second, 429)).isEqualTo(TOO_QUICKLY);
		assertThat(total(slug)).isEqualTo(before).isEqualTo(1);
	}

	@Test
	void theSameEmailFromTwoAddressesIs429AndNotStored() {
		String slug = newArticle("Flood e-mail");
		String email = newEmail();
		assertThat(postApi(slug, reply(null, "Roamer", email, null, "From home"), newAddress()).status())
			.isEqualTo(201);
		int before = total(slug);

		// The e-mail is compared case-insensitively: it is stored lower-cased.
		var second = postApi(slug, reply(null, "Roamer", email.toUpperCase(), null, "From work"), newAddress());
		assertThat(assertProblem(second, 429)).isEqualTo(TOO_QUICKLY);
		assertThat(total(slug)).isEqualTo(before).isEqualTo(1);
	}

	@Test
	void theLimitCountsAcrossArticles() {
		String first = newArticle("Flood one");
		String second = newArticle("Flood two");
		String address = newAddress();
		assertThat(postApi(first, reply(null, "Hopper", newEmail(), null, "Here"), address).status()).isEqualTo(201);
		assertProblem(postApi(second, reply(null, "Hopper", newEmail(), null, "And there"), address), 429);
		assertThat(total(second)).isZero();
	}

	@Test
	void anEditorTokenIsExemptFromTheLimit() {
		String slug = newArticle("Flood staff");
		String address = newAddress();
		var editor = http.bearer(editorToken()).from(address);
		String email = newEmail();
		String path = "/api/v1/articles/" + slug + "/comments";

		var first = editor.postJson(path, reply(null, "Desk", email, null, "Correction one"));
		var second = editor.postJson(path, reply(null, "Desk", email, null, "Correction two"));
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(second.status()).as(second.toString()).isEqualTo(201);
		assertThat(total(slug)).isEqualTo(2);
	}

	@Test
	void theHtmlFormIsLimitedTooAndShowsTheReason() {
		String slug = newArticle("Flood form");
		String address = newAddress();
		var reader = http.from(address);
		String path = "/articles/" + slug + "/comments";
		var first = reader.postForm(path,
				Map.of("author", "Quick", "email", newEmail(), "url", "", "comment", "Fast one", "comment_parent", ""));
		assertThat(first.status()).as(first.toString()).isEqualTo(302);

		var second = reader.postForm(path,
				Map.of("author", "Quick", "email", newEmail(), "url", "", "comment", "Fast two", "comment_parent", ""));
		assertThat(second.status()).isEqualTo(429);
		assertThat(second.header("Content-Type")).startsWith("text/html");
		var form = second.html();
		assertThat(form.selectFirst("#respond .form-error").text()).isEqualTo(TOO_QUICKLY);
		assertThat(form.selectFirst("textarea#comment").text()).isEqualTo("Fast two");
		assertThat(total(slug)).isEqualTo(1);
	}

}
