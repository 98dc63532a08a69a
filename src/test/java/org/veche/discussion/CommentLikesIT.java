package org.veche.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.veche.identity.Role;
import org.veche.support.Http;

/**
 * Likes: one per reader (a guest's browser cookie or an account), taken back by a second
 * press or DELETE, and at most veche.discussion.likes-per-address (default 10) guests'
 * likes per comment from one network address.
 */
class CommentLikesIT extends DiscussionSupport {

	private static final String COOKIE = "veche_reader";

	private String likesText(String slug, long id) {
		return commentElement(page("/articles/" + slug), id).selectFirst(".likes").text();
	}

	private int apiLikes(String slug, long id) {
		for (var c : http.get("/api/v1/articles/" + slug + "/comments").json().get("comments")) {
			if (c.get("id").asLong() == id) {
				return c.get("likes").asInt();
			}
		}
		throw new AssertionError("comment " + id + " not listed");
	}

	@Test
	void theApiCountsOneLikePerBrowserCookieAndDeleteTakesItBack() {
		String slug = newArticle("Likes api");
		long id = comment(slug, null, "Liked", "Like me");
		String path = "/api/v1/comments/" + id + "/like";
		Http reader = http.from(newAddress());

		assertThat(http.get("/articles/" + slug).cookies()).as("no cookie before the reader acts").isEmpty();
		var first = reader.postJson(path, null);
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.json().get("likes").asInt()).isEqualTo(1);
		String browser = cookieValue(first, COOKIE);
		assertThat(browser).as("Set-Cookie %s", first.cookies()).isNotBlank();
		assertThat(first.cookies().get(0)).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");

		Http sameBrowser = reader.with("Cookie", COOKIE + "=" + browser);
		var again = sameBrowser.postJson(path, null);
		assertThat(again.json().get("likes").asInt()).isEqualTo(1);
		assertThat(cookieValue(again, COOKIE)).as("the browser keeps its cookie").isNull();
		assertThat(apiLikes(slug, id)).isEqualTo(1);

		var taken = sameBrowser.delete(path);
		assertThat(taken.status()).isEqualTo(200);
		assertThat(taken.json().get("likes").asInt()).isZero();
		assertThat(sameBrowser.delete(path).json().get("likes").asInt()).isZero();
		assertThat(apiLikes(slug, id)).isZero();
	}

	@Test
	void theHtmlLikeFormTogglesAndRedirectsBackToTheComment() {
		String slug = newArticle("Likes form");
		long id = comment(slug, null, "Liked", "Press the button");
		String address = newAddress();
		assertThat(likesText(slug, id)).isEqualTo("Be the first to like this");
		assertThat(commentElement(page("/articles/" + slug), id).selectFirst("form.like").attr("action"))
			.isEqualTo("/comments/" + id + "/like");

		var press = http.from(address).postForm("/comments/" + id + "/like", Map.of());
		assertThat(press.status()).as(press.toString()).isEqualTo(302);
		assertThat(press.header("Location")).matches("(https?://[^/]+)?/articles/" + slug + "\\?cpage=1#comment-" + id);
		String browser = cookieValue(press, COOKIE);
		assertThat(browser).isNotBlank();
		assertThat(likesText(slug, id)).isEqualTo("Liked by 1 person");

		var pressAgain = http.from(address)
			.with("Cookie", COOKIE + "=" + browser)
			.postForm("/comments/" + id + "/like", Map.of());
		assertThat(pressAgain.status()).isEqualTo(302);
		assertThat(pressAgain.header("Location")).endsWith("#comment-" + id);
		assertThat(likesText(slug, id)).isEqualTo("Be the first to like this");
	}

	@Test
	void theLikeFormAnswersTheScriptWithJson() {
		String slug = newArticle("Likes script");
		long id = comment(slug, null, "Liked", "Scripted likes");
		Http script = http.from(newAddress()).with("Accept", "application/json");

		var on = script.postForm("/comments/" + id + "/like", Map.of());
		assertThat(on.status()).isEqualTo(200);
		assertThat(on.json().get("likes").asInt()).isEqualTo(1);
		assertThat(on.json().get("liked").asBoolean()).isTrue();

		var off = script.with("Cookie", COOKIE + "=" + cookieValue(on, COOKIE))
			.postForm("/comments/" + id + "/like", Map.of());
		assertThat(off.json().get("likes").asInt()).isZero();
		assertThat(off.json().get("liked").asBoolean()).isFalse();
	}

	@Test
	void thePageSaysHowManyLikedInPluralForms() {
		String slug = newArticle("Likes words");
		long none = comment(slug, null, "Zero", "nobody");
		long one = comment(slug, null, "One", "one person");
		long two = comment(slug, null, "Two", "two people");
		for (long id : new long[] { one, two, two }) {
			assertThat(http.from(newAddress()).postJson("/api/v1/comments/" + id + "/like", null).status())
				.isEqualTo(200);
		}
		var page = page("/articles/" + slug);
		assertThat(commentElement(page, none).selectFirst(".likes").text()).isEqualTo("Be the first to like this");
		assertThat(commentElement(page, one).selectFirst(".likes").text()).isEqualTo("Liked by 1 person");
		assertThat(commentElement(page, two).selectFirst(".likes").text()).isEqualTo("Liked by 2 people");
		assertThat(commentElement(page, two).selectFirst(".likes").attr("data-likes")).isEqualTo("2");
	}

	@Test
	void theEleventhBrowserFromOneAddressIsRefusedButOtherAddressesAndAccountsCount() {
		String slug = newArticle("Likes limit");
		long id = comment(slug, null, "Popular", "Like from the office");
		String path = "/api/v1/comments/" + id + "/like";
		Http office = http.from(newAddress());

		String firstBrowser = null;
		for (int i = 1; i <= 10; i++) {
			var like = office.postJson(path, null); // no cookie: a new browser each time
			assertThat(like.status()).as("like %d: %s", i, like).isEqualTo(200);
			assertThat(like.json().get("likes").asInt()).isEqualTo(i);
			if (firstBrowser == null) {
				firstBrowser = cookieValue(like, COOKIE);
			}
		}
		var eleventh = office.postJson(path, null);
		assertThat(assertProblem(eleventh, 429)).isEqualTo("Too many likes from your network for this comment.");
		assertThat(apiLikes(slug, id)).isEqualTo(10);

		var formEleventh = office.postForm("/comments/" + id + "/like", Map.of());
		assertThat(formEleventh.status()).isEqualTo(429);
		assertThat(apiLikes(slug, id)).isEqualTo(10);

		// A browser that liked already may press again without counting twice or being
		// refused.
		var repeat = office.with("Cookie", COOKIE + "=" + firstBrowser).postJson(path, null);
		assertThat(repeat.status()).isEqualTo(200);
		assertThat(repeat.json().get("likes").asInt()).isEqualTo(10);

		assertThat(http.from(newAddress()).postJson(path, null).json().get("likes").asInt()).isEqualTo(11);
		var account = office.bearer(tokenFor(Role.READER)).postJson(path, null);
		assertThat(account.status()).as(account.toString()).isEqualTo(200);
		assertThat(account.json().get("likes").asInt()).isEqualTo(12);
	}

	@Test
	void anAccountLikesOncePerAccountWhereverItComesFrom() {
		String slug = newArticle("Likes account");
		long id = comment(slug, null, "Liked", "Like me as yourself");
		String path = "/api/v1/comments/" + id + "/like";
		String token = tokenFor(Role.READER);

		var first = http.from(newAddress()).bearer(token).postJson(path, null);
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.json().get("likes").asInt()).isEqualTo(1);
		assertThat(cookieValue(first, COOKIE)).as("accounts need no browser cookie").isNull();

		var fromElsewhere = http.from(newAddress()).bearer(token).postJson(path, null);
		assertThat(fromElsewhere.json().get("likes").asInt()).isEqualTo(1);
		assertThat(apiLikes(slug, id)).isEqualTo(1);

		assertThat(http.from(newAddress()).bearer(token).delete(path).json().get("likes").asInt()).isZero();
		assertThat(apiLikes(slug, id)).isZero();
	}

	@Test
	void likingAnUnknownCommentIsNotFound() {
		assertProblem(http.from(newAddress()).postJson("/api/v1/comments/987654321/like", null), 404);
		assertProblem(http.from(newAddress()).delete("/api/v1/comments/987654321/like"), 404);
		assertThat(http.from(newAddress()).postForm("/comments/987654321/like", Map.of()).status()).isEqualTo(404);
	}

}
