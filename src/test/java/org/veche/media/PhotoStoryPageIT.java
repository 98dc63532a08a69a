package org.veche.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.identity.Role;
import org.veche.publishing.ArticleCatalogue;
import org.veche.publishing.Newsroom;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

/**
 * Issue 15: a photo story showed its cover twice (above the text and again as the first
 * photo), and a credit typed as "Photo: Name" was shown as "Photo: Photo: Name".
 */
class PhotoStoryPageIT extends IntegrationTest {

	@Autowired
	private ArticleCatalogue catalogue;

	@Autowired
	private Newsroom newsroom;

	private long upload(String token, String slug, String name, Map<String, String> texts) {
		var parts = new LinkedHashMap<String, Object>();
		parts.put("file", new Http.FilePart(name, "image/jpeg", TestImages.jpeg(800, 500)));
		parts.putAll(texts);
		var response = http.bearer(token).postMultipart("/api/v1/articles/" + slug + "/photos", parts);
		assertThat(response.status()).as("%s", response).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	@Test
	void theCoverIsShownOnceAndCreditsCarryOneLabel() {
		String token = tokenFor(Role.EDITOR);
		var created = http.bearer(token)
			.postJson("/api/v1/articles",
					Map.of("title", "Harbour at dawn " + unique(), "lead", "Boats", "body",
							"Pictures from the harbour.", "tags", List.of("photo"), "status", "published", "kind",
							"photo_story"));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		String slug = created.json().get("slug").asString();
		long cover = upload(token, slug, "cover.jpg",
				Map.of("caption", "The harbour", "credit", "Photo: Ivan Franko", "alt", "Harbour"));
		long second = upload(token, slug, "two.jpg",
				Map.of("caption", "Nets", "credit", "Фото: Леся Українка", "alt", "Nets"));
		long third = upload(token, slug, "three.jpg",
				Map.of("caption", "Gulls", "credit", "Mykola Lysenko", "alt", "Gulls"));
		long articleId = catalogue.published(slug).orElseThrow().id();
		newsroom.setCover(articleId, cover);

		var page = http.with("Accept", "text/html").get("/articles/" + slug).html();
		var figures = page.select("article figure.photo");
		assertThat(figures).as("the cover and the two other photos, each once").hasSize(3);
		var gallery = page.select("section.gallery figure.photo");
		assertThat(gallery).hasSize(2);
		assertThat(gallery.select("img").eachAttr("alt")).containsExactly("Nets", "Gulls");
		assertThat(page.select("article figure.photo img[alt=Harbour]")).hasSize(1);

		assertThat(page.select("figcaption .credit").eachText()).containsExactly("Photo: Ivan Franko",
				"Photo: Леся Українка", "Photo: Mykola Lysenko");
		assertThat(page.html()).doesNotContain("Photo: Photo:").doesNotContain("Photo: Фото:");
		assertThat(second).isNotEqualTo(third);

		// each photo has its own address, linked from the story, with the previous and
		// next ones
		assertThat(page.select("a.photo-link").eachAttr("href")).containsExactly("/articles/" + slug + "/photos/1",
				"/articles/" + slug + "/photos/2", "/articles/" + slug + "/photos/3");
		var first = http.get("/articles/" + slug + "/photos/1");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.html().select("figure.photo img").eachAttr("alt")).containsExactly("Harbour");
		assertThat(first.html().getElementById("photo-title").text()).isEqualTo("Photo 1 of 3");
		assertThat(first.html().select("a[rel=prev]")).isEmpty();
		assertThat(first.html().selectFirst("a[rel=next]").attr("href")).isEqualTo("/articles/" + slug + "/photos/2");
		var middle = http.get("/articles/" + slug + "/photos/2").html();
		assertThat(middle.select("figure.photo img").eachAttr("alt")).containsExactly("Nets");
		assertThat(middle.selectFirst("a[rel=prev]").attr("href")).isEqualTo("/articles/" + slug + "/photos/1");
		assertThat(middle.selectFirst("a[rel=next]").attr("href")).isEqualTo("/articles/" + slug + "/photos/3");
		var last = http.get("/articles/" + slug + "/photos/3").html();
		assertThat(last.select("figure.photo img").eachAttr("alt")).containsExactly("Gulls");
		assertThat(last.select("a[rel=next]")).isEmpty();
		assertThat(last.selectFirst("a.back-to-story").attr("href")).isEqualTo("/articles/" + slug);
		for (String missing : new String[] { "0", "4", "x", "99999999999" }) {
			assertThat(http.get("/articles/" + slug + "/photos/" + missing).status()).as(missing).isEqualTo(404);
		}
		assertThat(http.with("Accept-Language", "uk")
			.get("/articles/" + slug + "/photos/2")
			.html()
			.getElementById("photo-title")
			.text()).isEqualTo("Фото 2 з 3");
	}

	@Test
	void aCreditLosesOnlyALeadingLabel() {
		assertThat(credit("Photo: Ivan Franko")).isEqualTo("Ivan Franko");
		assertThat(credit("photo:Ivan")).isEqualTo("Ivan");
		assertThat(credit("Фото: Леся Українка")).isEqualTo("Леся Українка");
		assertThat(credit("ФОТО — Тарас")).isEqualTo("Тарас");
		assertThat(credit("Photo by Olena / Reuters")).isEqualTo("Olena / Reuters");
		assertThat(credit("Photo: Photo: Double")).isEqualTo("Double");
		assertThat(credit("Photographer Studio")).isEqualTo("Photographer Studio");
		assertThat(credit("Ivan Photo: Franko")).isEqualTo("Ivan Photo: Franko");
		assertThat(credit("")).isEmpty();
	}

	private static String credit(String stored) {
		return new PhotoText("", stored, "").creditName();
	}

}
