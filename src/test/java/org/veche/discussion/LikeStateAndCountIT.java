package org.veche.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.veche.identity.NewAccount;
import org.veche.support.Http;

/**
 * Issue 15: without JavaScript the Like button said "Like" whatever the reader had done,
 * so a second press silently took the like back; now the reader who likes a comment sees
 * "Liked" and an "Unlike" button (on a page of their own, past the guests' page cache).
 * With JavaScript the heading's count follows a posted comment.
 */
class LikeStateAndCountIT extends DiscussionSupport {

	private static final String COOKIE = "veche_reader";

	private Element button(Http client, String slug, long id) {
		return commentElement(page(client, "/articles/" + slug), id).selectFirst("form.like button");
	}

	@Test
	void theReaderWhoLikedSeesLikedAndUnlikeWithoutJavaScript() {
		String slug = newArticle("Like state");
		long id = comment(slug, null, "Liked", "Press me");
		long other = comment(slug, null, "Other", "Not me");
		// the guests' copy of the page is kept before the like
		assertThat(button(http, slug, id).text()).isEqualTo("Like");

		String address = newAddress();
		var press = http.from(address).postForm("/comments/" + id + "/like", Map.of());
		assertThat(press.status()).isEqualTo(302);
		Http liker = http.from(address).with("Cookie", COOKIE + "=" + cookieValue(press, COOKIE));

		var li = commentElement(page(liker, "/articles/" + slug), id);
		assertThat(li.selectFirst("form.like button").text()).isEqualTo("Unlike");
		assertThat(li.selectFirst("form.like button").attr("aria-pressed")).isEqualTo("true");
		assertThat(li.selectFirst(".liked-mark").text()).isEqualTo("Liked");
		assertThat(li.selectFirst(".likes").text()).isEqualTo("Liked by 1 person");
		var untouched = commentElement(page(liker, "/articles/" + slug), other);
		assertThat(untouched.selectFirst("form.like button").text()).isEqualTo("Like");
		assertThat(untouched.select(".liked-mark")).isEmpty();

		// everyone else still sees "Like"
		assertThat(button(http, slug, id).text()).isEqualTo("Like");
		assertThat(button(http, slug, id).attr("aria-pressed")).isEqualTo("false");

		// the second press takes it back, and the page says so
		assertThat(liker.postForm("/comments/" + id + "/like", Map.of()).status()).isEqualTo(302);
		var after = commentElement(page(liker, "/articles/" + slug), id);
		assertThat(after.selectFirst("form.like button").text()).isEqualTo("Like");
		assertThat(after.select(".liked-mark")).isEmpty();
	}

	@Test
	void aSignedInReaderSeesTheirLikesToo() {
		String slug = newArticle("Like state account");
		long id = comment(slug, null, "Liked", "Liked by a member");
		String email = "member" + unique() + "@example.org";
		String password = "correct horse battery " + unique();
		identity.createAccount(new NewAccount(email, password, "Member " + unique(), org.veche.identity.Role.READER));
		var member = org.veche.support.BrowserSession.signIn(http, email, password);
		var form = member.get("/articles/" + slug);
		var press = member.postForm("/comments/" + id + "/like",
				Map.of("_csrf", org.veche.support.BrowserSession.csrfToken(form.html())));
		assertThat(press.status()).as("%s", press).isEqualTo(302);
		var li = commentElement(member.get("/articles/" + slug).html(), id);
		assertThat(li.selectFirst("form.like button").text()).isEqualTo("Unlike");
		assertThat(li.selectFirst(".liked-mark").text()).isEqualTo("Liked");
	}

	@Test
	void theJsonAnswerCarriesTheHeadingWithTheNewCount() {
		String slug = newArticle("Count after posting");
		Http script = http.with("Accept", "application/json");
		var first = script.from(newAddress())
			.postForm("/articles/" + slug + "/comments",
					Map.of("author", "Ivan", "email", newEmail(), "comment", "One"));
		assertThat(first.status()).as("%s", first).isEqualTo(201);
		assertThat(first.json().get("total").asInt()).isEqualTo(1);
		assertThat(first.json().get("heading").asString()).isEqualTo("1 comment");
		var second = script.from(newAddress())
			.postForm("/articles/" + slug + "/comments",
					Map.of("author", "Iryna", "email", newEmail(), "comment", "Two"));
		assertThat(second.json().get("heading").asString()).isEqualTo("2 comments");
		assertThat(page("/articles/" + slug).getElementById("comments-title").text()).isEqualTo("2 comments");
	}

}
