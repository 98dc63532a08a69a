package org.veche.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.discussion.CommentStatus;
import org.veche.discussion.Discussions;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.site.PageCache;
import org.veche.support.BrowserSession;
import org.veche.support.IntegrationTest;

/**
 * The guests' page cache over HTTP: kept bytes equal a fresh render and carry the same
 * security headers, answer If-None-Match with 304, come gzip- and brotli-encoded on
 * request, show a new, approved or liked comment on the next view, and are never given to
 * a signed-in reader or to the author of a held comment.
 */
class GuestPageCacheIT extends IntegrationTest {

	private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Autowired
	PageCache pages;

	@Autowired
	Discussions discussions;

	private record Raw(int status, byte[] body, HttpResponse<byte[]> response) {

		String header(String name) {
			return response.headers().firstValue(name).orElse(null);
		}

		String text() {
			return new String(body, StandardCharsets.UTF_8);
		}

	}

	private Raw get(String path, String... headers) {
		var request = HttpRequest.newBuilder(URI.create(http.url(path))).GET();
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			var response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Raw(response.statusCode(), response.body(), response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String article(String title) {
		return publishArticle(tokenFor(Role.EDITOR), title + " " + unique());
	}

	@Test
	void aKeptPageIsTheFreshRenderWithTheSameSecurityHeaders() {
		String path = "/articles/" + article("Kept");
		postComment(path.substring(10), null, "Halyna", "First to comment");

		Raw fresh = get(path);
		Raw kept = get(path);
		pages.everythingChanged();
		Raw renderedAgain = get(path);

		assertThat(fresh.status()).isEqualTo(200);
		assertThat(kept.body()).isEqualTo(fresh.body());
		assertThat(renderedAgain.body()).as("a page rendered afresh equals the kept one").isEqualTo(kept.body());
		assertThat(kept.header("ETag")).matches("\"[A-Za-z0-9_-]{27}\"").isEqualTo(renderedAgain.header("ETag"));
		for (Raw response : new Raw[] { fresh, kept }) {
			assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'")
				.contains("script-src 'self'");
			assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(response.header("X-Frame-Options")).isNotNull();
			assertThat(response.header("Referrer-Policy")).isNotNull();
			assertThat(response.header("Vary")).contains("Accept-Encoding")
				.contains("Cookie")
				.contains("Accept-Language");
			assertThat(response.header("Content-Type")).isEqualTo("text/html;charset=UTF-8");
			assertThat(response.header("Set-Cookie")).isNull();
		}
		assertThat(kept.text()).contains("First to comment");
	}

	@Test
	void aMatchingEtagGets304AndAnOtherOneTheWholePage() {
		String path = "/articles/" + article("Conditional");
		Raw first = get(path);
		String etag = first.header("ETag");

		Raw again = get(path, "If-None-Match", etag);
		Raw gzipTagToo = get(path, "If-None-Match", etag.replaceFirst("\"$", "-gzip\""), "Accept-Encoding", "gzip");
		Raw other = get(path, "If-None-Match", "\"something-else\"");

		assertThat(again.status()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(again.header("ETag")).isEqualTo(etag);
		assertThat(gzipTagToo.status()).isEqualTo(304);
		assertThat(other.status()).isEqualTo(200);
		assertThat(other.body()).isEqualTo(first.body());
	}

	@Test
	void gzipAndBrotliCopiesDecodeToTheSameBytes() throws IOException {
		String path = "/articles/" + article("Compressed");
		Raw plain = get(path);

		Raw gzip = get(path, "Accept-Encoding", "gzip, deflate");
		Raw br = get(path, "Accept-Encoding", "gzip, deflate, br");
		Raw brRefused = get(path, "Accept-Encoding", "br;q=0, gzip");

		assertThat(gzip.header("Content-Encoding")).isEqualTo("gzip");
		try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
			assertThat(in.readAllBytes()).isEqualTo(plain.body());
		}
		assertThat(gzip.header("ETag")).isNotEqualTo(plain.header("ETag"));
		assertThat(br.header("Content-Encoding")).isEqualTo("br");
		Brotli4jLoader.ensureAvailability();
		assertThat(Decoder.decompress(br.body()).getDecompressedData()).isEqualTo(plain.body());
		assertThat(br.body().length).isLessThan(plain.body().length);
		assertThat(brRefused.header("Content-Encoding")).isEqualTo("gzip");
		assertThat(plain.header("Content-Encoding")).isNull();
	}

	@Test
	void aNewAnApprovedAndALikedCommentShowOnTheNextGuestView() {
		String slug = article("Changing");
		String path = "/articles/" + slug;
		assertThat(get(path).text()).doesNotContain("Newly posted words");
		get(path);

		long posted = postComment(slug, null, "Ostap", "Newly posted words").get("id").asLong();
		assertThat(get(path).text()).contains("Newly posted words");

		long held = postComment(slug, null, "Iryna", "Words waiting for a moderator").get("id").asLong();
		discussions.changeStatus(held, CommentStatus.PENDING);
		assertThat(get(path).text()).doesNotContain("Words waiting for a moderator");
		discussions.changeStatus(held, CommentStatus.APPROVED);
		assertThat(get(path).text()).contains("Words waiting for a moderator");

		String before = get(path).text();
		var like = http.from(newAddress()).postJson("/api/v1/comments/" + posted + "/like", Map.of());
		assertThat(like.status()).as(like.toString()).isBetween(200, 299);
		String after = get(path).text();
		assertThat(after).isNotEqualTo(before);
		assertThat(likeCount(after, posted)).isEqualTo(likeCount(before, posted) + 1);
	}

	private static int likeCount(String html, long commentId) {
		var page = org.jsoup.Jsoup.parse(html);
		var count = page.selectFirst("#comment-" + commentId + " [data-likes]");
		return count == null ? 0 : Integer.parseInt(count.attr("data-likes"));
	}

	@Test
	void aSignedInReaderAndTheAuthorOfAHeldCommentNeverGetTheGuestsBytes() {
		String slug = article("Personal");
		String path = "/articles/" + slug;
		Raw guest = get(path);
		assertThat(get(path).header("ETag")).isEqualTo(guest.header("ETag"));

		String email = "reader" + unique() + "@example.org";
		String password = "correct horse battery " + unique();
		identity.createAccount(new NewAccount(email, password, "Signed Reader " + unique(), Role.READER));
		var session = BrowserSession.signIn(http, email, password);
		var signedIn = session.get(path);
		assertThat(signedIn.status()).isEqualTo(200);
		assertThat(signedIn.body()).contains("Signed Reader");
		assertThat(signedIn.header("ETag")).isNull();

		Raw remembered = get(path, "Cookie", "veche_remember=bm90LWEtcmVhbC1vbmU");
		assertThat(remembered.header("ETag")).as("a remember-me cookie is never answered from the cache").isNull();

		long comment = postComment(slug, null, "Taras", "Held for a moment").get("id").asLong();
		discussions.changeStatus(comment, CommentStatus.PENDING);
		Raw author = get(path + "?held=" + comment);
		assertThat(author.status()).isEqualTo(200);
		assertThat(author.text()).contains("id=\"comment-held\"");
		assertThat(author.header("ETag")).isNull();
		assertThat(get(path).text()).doesNotContain("id=\"comment-held\"");
	}

	@Test
	void theFrontPageTagPagesAndFeedsAreKeptToo() {
		String slug = article("Listed");
		for (String path : new String[] { "/", "/tags/test", "/feed", "/articles/" + slug + "/feed" }) {
			Raw first = get(path);
			Raw second = get(path, "If-None-Match", first.header("ETag"));
			assertThat(first.status()).as(path).isEqualTo(200);
			assertThat(second.status()).as(path).isEqualTo(304);
		}
		Raw feed = get("/articles/" + slug + "/feed");
		postComment(slug, null, "Marta", "A comment for the feed");
		assertThat(get("/articles/" + slug + "/feed").text()).isNotEqualTo(feed.text())
			.contains("A comment for the feed");
	}

}
