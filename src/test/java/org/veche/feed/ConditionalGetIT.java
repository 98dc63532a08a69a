package org.veche.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.veche.support.Http;

/**
 * Aggregators poll: a feed or sitemap that has not changed answers 304 with no body, and
 * a change answers 200 with a new validator.
 */
class ConditionalGetIT extends FeedSupport {

	@Test
	void anUnchangedFeedIsNotSentAgainAndAChangedOneIs() {
		Author editor = newEditor();
		String slug = publish(editor.token(), "Polled " + unique(), List.of(), "published");
		String path = "/articles/" + slug + "/feed";
		postComment(slug, null, "First", "First comment " + unique());

		Http.Response first = http.get(path);
		assertThat(first.status()).isEqualTo(200);
		String etag = first.header("ETag");
		String lastModified = first.header("Last-Modified");
		assertThat(etag).startsWith("\"").endsWith("\"");
		assertThat(lastModified).isNotBlank();

		Http.Response byTag = http.with("If-None-Match", etag).get(path);
		assertThat(byTag.status()).isEqualTo(304);
		assertThat(byTag.body()).isEmpty();
		assertThat(byTag.header("ETag")).isEqualTo(etag);
		Http.Response byDate = http.with("If-Modified-Since", lastModified).get(path);
		assertThat(byDate.status()).isEqualTo(304);

		postComment(slug, null, "Second", "Second comment " + unique());
		Http.Response changed = http.with("If-None-Match", etag).get(path);
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.header("ETag")).isNotEqualTo(etag);
		assertThat(changed.body()).contains("Second comment");
		assertThat(http.with("If-None-Match", changed.header("ETag")).get(path).status()).isEqualTo(304);
	}

	@Test
	void theSitemapAnswersConditionalRequestsToo() {
		Http.Response first = http.get("/sitemap.xml");
		assertThat(first.status()).isEqualTo(200);
		assertThat(http.with("If-None-Match", first.header("ETag")).get("/sitemap.xml").status()).isEqualTo(304);
		assertThat(http.with("If-None-Match", "\"something-else\"").get("/sitemap.xml").status()).isEqualTo(200);
	}

}
