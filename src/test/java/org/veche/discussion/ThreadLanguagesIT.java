package org.veche.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The thread speaks the reader's language, with the plural forms Russian and Ukrainian
 * need (one, few, many).
 */
class ThreadLanguagesIT extends DiscussionSupport {

	/** Comments with 1, 2, 5, 11, 21 and 22 likes, by count. */
	private Map<Integer, Long> likedComments(String slug) {
		var byLikes = new LinkedHashMap<Integer, Long>();
		for (int likes : new int[] { 0, 1, 2, 5, 11, 21, 22 }) {
			long id = comment(slug, null, "Liked " + likes, "Liked " + likes + " times");
			for (int i = 0; i < likes; i++) {
				var like = http.from(newAddress()).postJson("/api/v1/comments/" + id + "/like", null);
				assertThat(like.status()).as(like.toString()).isEqualTo(200);
			}
			byLikes.put(likes, id);
		}
		return byLikes;
	}

	private Document pageIn(String language, String slug) {
		return page(http.with("Accept-Language", language), "/articles/" + slug);
	}

	private static String likedBy(Document page, long id) {
		return commentElement(page, id).selectFirst(".likes").text();
	}

	@Test
	void likesAreCountedInRussianUkrainianAndEnglishPluralForms() {
		String slug = newArticle("Languages");
		var ids = likedComments(slug);

		Document ru = pageIn("ru", slug);
		assertThat(ru.selectFirst("html").attr("lang")).isEqualTo("ru");
		assertThat(likedBy(ru, ids.get(0))).isEqualTo("Будьте первым, кому это понравится");
		assertThat(likedBy(ru, ids.get(1))).isEqualTo("Понравилось 1 человеку");
		assertThat(likedBy(ru, ids.get(2))).isEqualTo("Понравилось 2 людям");
		assertThat(likedBy(ru, ids.get(5))).isEqualTo("Понравилось 5 людям");
		assertThat(likedBy(ru, ids.get(11))).isEqualTo("Понравилось 11 людям");
		assertThat(likedBy(ru, ids.get(21))).isEqualTo("Понравилось 21 человеку");
		assertThat(ru.selectFirst("#comments-title").text()).isEqualTo("7 комментариев");
		assertThat(commentElement(ru, ids.get(1)).selectFirst("form.like button").text()).isEqualTo("Нравится");

		Document uk = pageIn("uk-UA,uk;q=0.9", slug);
		assertThat(likedBy(uk, ids.get(1))).isEqualTo("Сподобалося 1 людині");
		assertThat(likedBy(uk, ids.get(2))).isEqualTo("Сподобалося 2 людям");
		assertThat(likedBy(uk, ids.get(5))).isEqualTo("Сподобалося 5 людям");
		assertThat(likedBy(uk, ids.get(21))).isEqualTo("Сподобалося 21 людині");
		assertThat(uk.selectFirst("#comments-title").text()).isEqualTo("7 коментарів");

		Document en = pageIn("en", slug);
		assertThat(likedBy(en, ids.get(1))).isEqualTo("Liked by 1 person");
		assertThat(likedBy(en, ids.get(21))).isEqualTo("Liked by 21 people");

		// Each language is cached on its own: asking in Russian again after English still
		// answers in Russian.
		assertThat(likedBy(pageIn("ru", slug), ids.get(22))).isEqualTo("Понравилось 22 людям");
		assertThat(likedBy(pageIn("de", slug), ids.get(22))).as("unsupported languages fall back to English")
			.isEqualTo("Liked by 22 people");
	}

	@Test
	void refusalsSpeakTheReadersLanguage() {
		String slug = newArticle("Languages refused");
		var response = http.from(newAddress())
			.with("Accept-Language", "ru")
			.postJson("/api/v1/articles/" + slug + "/comments", reply(null, "Иван", null, null, "Привет"));
		assertThat(assertProblem(response, 400)).isEqualTo("Укажите e-mail — его никто не увидит.");

		var form = http.from(newAddress())
			.with("Accept-Language", "uk")
			.postForm("/articles/" + slug + "/comments",
					Map.of("author", "Олена", "email", newEmail(), "url", "", "comment", "", "comment_parent", ""));
		assertThat(form.status()).isEqualTo(400);
		assertThat(form.html().selectFirst("#respond .form-error").text()).isEqualTo("Напишіть коментар.");
	}

}
