package org.veche.site.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.identity.Role;
import org.veche.site.PageCache;
import org.veche.support.IntegrationTest;

/**
 * A kept page bigger than the file threshold (48 KB), over HTTP: it is sent from a file
 * (sendfile) byte for byte as the application renders it, and so are its gzip and brotli
 * copies; it answers If-None-Match with 304; a new comment shows on the next guest view;
 * and the files of replaced versions are deleted after the grace period, so the folder
 * holds only what the cache keeps.
 */
class BigKeptPageIT extends IntegrationTest {

	private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	/**
	 * A cookie that makes the request pass the cache (it is the servlet default's, not
	 * Veche's session cookie).
	 */
	private static final String[] PASS_THE_CACHE = { "Cookie", "JSESSIONID=not-a-session" };

	@Autowired
	PageFiles files;

	@Autowired
	PageCache pages;

	private HttpResponse<byte[]> get(String path, String... headers) {
		var request = HttpRequest.newBuilder(URI.create(http.url(path))).GET();
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An article whose page is about 100 KB of text that compresses poorly, so its gzip
	 * and brotli copies are big too.
	 */
	private String bigArticle(String title) {
		String slug = publishArticle(tokenFor(Role.EDITOR), title + " " + unique());
		var random = new Random(slug.hashCode());
		for (int i = 0; i < 12; i++) {
			var words = new StringBuilder();
			while (words.length() < 8_500) {
				int length = 3 + random.nextInt(9);
				for (int c = 0; c < length; c++) {
					words.append((char) ('a' + random.nextInt(26)));
				}
				words.append(' ');
			}
			postComment(slug, null, "Reader " + i, words.toString().strip());
		}
		return slug;
	}

	private List<Path> filesEndingWith(String suffix) throws IOException {
		try (var listing = Files.list(files.folder())) {
			return listing.filter(file -> file.getFileName().toString().endsWith(suffix)).toList();
		}
	}

	@Test
	void aBigKeptPageAndItsCompressedCopiesAreSentFromFilesAsRendered() throws IOException {
		String path = "/articles/" + bigArticle("Big");
		var rendered = get(path, PASS_THE_CACHE);
		long heldBefore = HeldHeadersChannel.heldHeaders();
		var first = get(path);
		var kept = get(path);
		var gzip = get(path, "Accept-Encoding", "gzip");
		var br = get(path, "Accept-Encoding", "br, gzip");

		assertThat(rendered.statusCode()).isEqualTo(200);
		assertThat(rendered.headers().firstValue("ETag")).as("a request that passed the cache").isEmpty();
		assertThat(rendered.body().length).as("bigger than the file threshold").isGreaterThan(90_000);
		assertThat(first.body()).isEqualTo(rendered.body());
		assertThat(HeldHeadersChannel.heldHeaders() - heldBefore)
			.as("the sendfile responses had their headers held for the file")
			.isGreaterThanOrEqualTo(2);
		assertThat(kept.statusCode()).isEqualTo(200);
		assertThat(kept.body()).isEqualTo(rendered.body());
		assertThat(kept.headers().firstValue("Content-Length")).hasValue(String.valueOf(rendered.body().length));
		assertThat(kept.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag")).isPresent();
		assertThat(kept.headers().firstValue("Content-Security-Policy"))
			.isEqualTo(rendered.headers().firstValue("Content-Security-Policy"));
		assertThat(kept.headers().firstValue("Vary")).hasValue("Accept-Encoding, Accept-Language, Cookie");
		assertThat(kept.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");

		assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(gzip.headers().firstValue("Content-Length")).hasValue(String.valueOf(gzip.body().length));
		try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
			assertThat(in.readAllBytes()).isEqualTo(rendered.body());
		}
		assertThat(br.headers().firstValue("Content-Encoding")).hasValue("br");
		Brotli4jLoader.ensureAvailability();
		assertThat(Decoder.decompress(br.body()).getDecompressedData()).isEqualTo(rendered.body());

		// the three copies were big enough to be kept in files, and those files hold
		// exactly what was sent
		assertThat(gzip.body().length).isGreaterThan(48 * 1024);
		assertThat(br.body().length).isGreaterThan(48 * 1024);
		assertThat(filesEndingWith(".html"))
			.anySatisfy(file -> assertThat(Files.readAllBytes(file)).isEqualTo(rendered.body()));
		assertThat(filesEndingWith(".gz"))
			.anySatisfy(file -> assertThat(Files.readAllBytes(file)).isEqualTo(gzip.body()));
		assertThat(filesEndingWith(".br"))
			.anySatisfy(file -> assertThat(Files.readAllBytes(file)).isEqualTo(br.body()));
	}

	@Test
	void aBigKeptPageAnswersAMatchingEtagWith304() {
		String path = "/articles/" + bigArticle("Conditional big");
		var first = get(path);
		String etag = first.headers().firstValue("ETag").orElseThrow();

		var again = get(path, "If-None-Match", etag);
		var gzipTag = get(path, "If-None-Match", etag.replaceFirst("\"$", "-gzip\""), "Accept-Encoding", "gzip");
		var other = get(path, "If-None-Match", "\"something-else\"");

		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(again.headers().firstValue("ETag")).hasValue(etag);
		assertThat(gzipTag.statusCode()).isEqualTo(304);
		assertThat(other.statusCode()).isEqualTo(200);
		assertThat(other.body()).isEqualTo(first.body());
	}

	@Test
	void aNewCommentShowsOnTheNextGuestViewOfABigPage() {
		String slug = bigArticle("Changing big");
		String path = "/articles/" + slug;
		get(path);
		String before = new String(get(path).body(), StandardCharsets.UTF_8);
		assertThat(before).doesNotContain("A word after the storm");

		postComment(slug, null, "Latecomer", "A word after the storm");
		var after = get(path);

		assertThat(new String(after.body(), StandardCharsets.UTF_8)).contains("A word after the storm");
		assertThat(after.body()).isEqualTo(get(path, PASS_THE_CACHE).body());
	}

	@Test
	void theFilesOfReplacedVersionsAreDeletedAfterTheGracePeriod() throws IOException {
		String path = "/articles/" + bigArticle("Rebuilt big");
		Set<Path> others = Set.copyOf(listing());
		get(path);
		get(path, "Accept-Encoding", "gzip");
		var firstVersion = new java.util.HashSet<>(listing());
		firstVersion.removeAll(others);
		assertThat(firstVersion).as("the page and its gzip copy").hasSize(2);
		for (int i = 0; i < 15; i++) {
			pages.everythingChanged();
			get(path);
			get(path, "Accept-Encoding", "gzip");
		}
		List<Path> beforeSweep = listing();

		files.sweep(System.currentTimeMillis() + PageFiles.GRACE.toMillis() + 1_000);

		// 15 versions of the page and of its gzip copy were replaced: their 30 files are
		// gone, the last one's kept
		List<Path> afterSweep = listing();
		assertThat(afterSweep).doesNotContainAnyElementsOf(firstVersion);
		assertThat(afterSweep.size()).isLessThanOrEqualTo(beforeSweep.size() - 30);
		var kept = get(path);
		assertThat(kept.statusCode()).isEqualTo(200);
		assertThat(kept.body()).as("the current version's file outlives the sweep")
			.isEqualTo(get(path, PASS_THE_CACHE).body());
	}

	private List<Path> listing() throws IOException {
		try (var listing = Files.list(files.folder())) {
			return listing.filter(file -> !file.getFileName().toString().startsWith(".")).toList();
		}
	}

}
