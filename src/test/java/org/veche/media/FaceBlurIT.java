package org.veche.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.support.BrowserSession;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * The editor's blur page: boxes typed as numbers are burnt into every served variant
 * (JPEG and WebP) under a new key, the old files are gone, pixels outside the boxes stay
 * as they were, and bad boxes are refused with a reason.
 */
class FaceBlurIT extends IntegrationTest {

	/** The region blurred, in the photo's own pixels (the photo is 1200 by 800). */
	private static final Box FACE = new Box(300, 200, 240, 240);

	@Autowired
	private PhotoLibrary library;

	private BrowserSession editor;

	private String editorToken;

	private String slug;

	@BeforeEach
	void signIn() {
		String email = "blur" + unique() + "@example.org";
		String password = "correct horse battery " + unique();
		identity.createAccount(new NewAccount(email, password, "Blur Editor", Role.EDITOR));
		editor = BrowserSession.signIn(http, email, password);
		editorToken = tokenFor(Role.EDITOR);
		slug = publishArticle(editorToken, "Crowd " + unique());
	}

	/**
	 * Black and white squares of 4 pixels: detail that a blur must destroy, and that JPEG
	 * keeps well.
	 */
	private static byte[] checkerboard(int width, int height) throws IOException {
		var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.setRGB(x, y, ((x / 4 + y / 4) % 2 == 0 ? Color.BLACK : Color.WHITE).getRGB());
			}
		}
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private JsonNode upload() throws IOException {
		var response = http.bearer(editorToken)
			.postMultipart("/api/v1/articles/" + slug + "/photos",
					Map.of("file", new Http.FilePart("crowd.png", "image/png", checkerboard(1200, 800))));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	private Http.Response post(long photoId, String action, String boxes) {
		var page = editor.get("/editor/photos/" + photoId + "/blur");
		assertThat(page.status()).isEqualTo(200);
		var fields = new HashMap<String, String>();
		fields.put("_csrf", BrowserSession.csrfToken(page.html()));
		fields.put("action", action);
		fields.put("boxes", boxes);
		return editor.postForm("/editor/photos/" + photoId + "/blur", fields);
	}

	private BufferedImage served(String path) throws Exception {
		var variant = PhotoUploadIT.fetch(http.url(path));
		assertThat(variant.status()).as(path).isEqualTo(200);
		return variant.image();
	}

	/**
	 * Mean absolute difference of grey levels between two images over a region (x0..x1,
	 * y0..y1).
	 */
	private static double difference(BufferedImage a, BufferedImage b, int x0, int y0, int x1, int y1) {
		long sum = 0;
		long n = 0;
		for (int y = y0; y < y1; y++) {
			for (int x = x0; x < x1; x++) {
				sum += Math.abs(grey(a.getRGB(x, y)) - grey(b.getRGB(x, y)));
				n++;
			}
		}
		return (double) sum / n;
	}

	/**
	 * How far pixels stray from their 4-neighbour: high for a checkerboard, near zero for
	 * flat cells.
	 */
	private static double detail(BufferedImage image, Box box) {
		long sum = 0;
		long n = 0;
		for (int y = box.y(); y < box.y() + box.height(); y++) {
			for (int x = box.x(); x < box.x() + box.width() - 4; x++) {
				sum += Math.abs(grey(image.getRGB(x, y)) - grey(image.getRGB(x + 4, y)));
				n++;
			}
		}
		return (double) sum / n;
	}

	private static int grey(int rgb) {
		return ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
	}

	@Test
	void blurringDestroysTheBoxInEveryVariantAndLeavesTheRestOfThePhotoAlone() throws Exception {
		var stored = upload();
		long id = stored.get("id").asLong();
		Photo before = library.photo(id).orElseThrow();
		var beforeImages = new HashMap<String, BufferedImage>();
		for (int w : before.image().widths()) {
			beforeImages.put(w + ".jpg", served(before.image().src(w)));
			beforeImages.put(w + ".webp", served("/media/" + before.image().storageKey() + "/" + w + ".webp"));
		}

		var answer = post(id, "blur", FACE.x() + ", " + FACE.y() + ", " + FACE.width() + ", " + FACE.height());

		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.html().select(".notice").text()).contains("blurred in every copy");
		Photo after = library.photo(id).orElseThrow();
		assertThat(after.image().storageKey()).as("new files under a new key")
			.isNotEqualTo(before.image().storageKey());
		assertThat(after.blurredRegions()).isEqualTo(1);
		assertThat(after.image().widths()).isEqualTo(before.image().widths());
		for (int w : before.image().widths()) {
			assertThat(PhotoUploadIT.fetch(http.url(before.image().src(w))).status()).as("old JPEG gone")
				.isEqualTo(404);
			for (String format : new String[] { "jpg", "webp" }) {
				var old = beforeImages.get(w + "." + format);
				var now = served("/media/" + after.image().storageKey() + "/" + w + "." + format);
				double scale = (double) w / after.image().width();
				Box box = FACE.scaled(scale);
				assertThat(detail(old, box)).as(w + format + " had detail in the box").isGreaterThan(40);
				assertThat(detail(now, box)).as(w + format + " has none left in the box").isLessThan(12);
				assertThat(difference(old, now, box.x(), box.y(), box.x() + box.width(), box.y() + box.height()))
					.as(w + format + " box changed")
					.isGreaterThan(60);
				// everything right of the box, with a margin for the JPEG blocks around
				// its edge
				int right = box.x() + box.width() + 16;
				assertThat(difference(old, now, right, 0, now.getWidth(), now.getHeight()))
					.as(w + format + " outside unchanged")
					.isLessThan(8);
				assertThat(difference(old, now, 0, box.y() + box.height() + 16, now.getWidth(), now.getHeight()))
					.as(w + format + " below unchanged")
					.isLessThan(8);
			}
		}
	}

	@Test
	void boxesThatAreNotFourNumbersOrLieOffThePhotoAreRefusedWithAReason() throws Exception {
		long id = upload().get("id").asLong();
		String key = library.photo(id).orElseThrow().image().storageKey();

		var words = post(id, "blur", "left face");
		var outside = post(id, "blur", "5000, 5000, 10, 10");
		var none = post(id, "blur", " ");

		assertThat(words.status()).isEqualTo(400);
		assertThat(words.html().select(".form-error").text()).contains("four whole numbers").contains("left face");
		assertThat(words.html().selectFirst("textarea[name=boxes]").text()).as("typed boxes kept")
			.isEqualTo("left face");
		assertThat(outside.status()).isEqualTo(400);
		assertThat(outside.html().select(".form-error").text()).contains("not on the photo");
		assertThat(none.status()).isEqualTo(400);
		assertThat(library.photo(id).orElseThrow().image().storageKey()).as("nothing changed").isEqualTo(key);
	}

	/**
	 * A face drawn as a child would (skin oval, hair, brows, eyes, nose, mouth): the Haar
	 * cascade finds such a face as it finds a photographed one, and no photo of a real
	 * person has to live in the repository.
	 */
	private static void drawFace(java.awt.Graphics2D g, int cx, int cy) {
		g.setColor(new Color(215, 175, 150));
		g.fillOval(cx - 75, cy - 100, 150, 200);
		g.setColor(new Color(40, 30, 30));
		g.fillArc(cx - 80, cy - 120, 160, 80, 0, 180);
		g.fillRect(cx - 52, cy - 40, 40, 8);
		g.fillRect(cx + 12, cy - 40, 40, 8);
		g.setColor(new Color(50, 50, 60));
		g.fillOval(cx - 48, cy - 23, 32, 16);
		g.fillOval(cx + 16, cy - 23, 32, 16);
		g.setColor(new Color(170, 130, 110));
		g.setStroke(new java.awt.BasicStroke(4));
		g.drawLine(cx, cy - 10, cx - 8, cy + 35);
		g.fillOval(cx - 14, cy + 34, 28, 12);
		g.setColor(new Color(150, 70, 70));
		g.fillOval(cx - 28, cy + 60, 56, 16);
	}

	@Test
	void findingFacesProposesABoxOnEachFaceAndBlurringThemDestroysThem() throws Exception {
		var image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(new Color(70, 110, 90));
		g.fillRect(0, 0, 1200, 800);
		drawFace(g, 300, 400);
		drawFace(g, 850, 350);
		g.dispose();
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		var stored = http.bearer(editorToken)
			.postMultipart("/api/v1/articles/" + slug + "/photos",
					Map.of("file", new Http.FilePart("crowd.png", "image/png", out.toByteArray())));
		long id = stored.json().get("id").asLong();

		var proposed = post(id, "detect", "");

		assertThat(proposed.status()).isEqualTo(200);
		assertThat(proposed.html().select(".notice").text()).contains("Faces were found");
		var boxes = java.util.Arrays
			.stream(proposed.html().selectFirst("textarea[name=boxes]").wholeText().split("\\R"))
			.filter(line -> !line.isBlank())
			.map(line -> line.split(",\\s*"))
			.map(n -> new Box(Integer.parseInt(n[0]), Integer.parseInt(n[1]), Integer.parseInt(n[2]),
					Integer.parseInt(n[3])))
			.toList();
		assertThat(boxes).as(boxes.toString()).hasSize(2);
		for (int[] face : new int[][] { { 300, 400 }, { 850, 350 } }) {
			assertThat(boxes).as("a box holds the eyes and mouth of the face at " + face[0] + "," + face[1])
				.anySatisfy(b -> {
					assertThat(b.x()).isLessThan(face[0] - 48);
					assertThat(b.x() + b.width()).isGreaterThan(face[0] + 48);
					assertThat(b.y()).isLessThan(face[1] - 23);
					assertThat(b.y() + b.height()).isGreaterThan(face[1] + 76);
				});
		}

		var blurred = post(id, "blur", proposed.html().selectFirst("textarea[name=boxes]").wholeText());

		assertThat(blurred.status()).isEqualTo(200);
		Photo after = library.photo(id).orElseThrow();
		assertThat(after.blurredRegions()).isEqualTo(2);
		var largest = served(after.image().src(after.image().largestWidth()));
		double scale = (double) largest.getWidth() / after.image().width();
		for (Box box : boxes) {
			assertThat(detail(largest, box.scaled(scale))).as("no features left in " + box).isLessThan(6);
		}
	}

	@Test
	void findingFacesOnAPhotoWithoutFacesProposesNoneAndChangesNothing() throws Exception {
		long id = upload().get("id").asLong();
		String key = library.photo(id).orElseThrow().image().storageKey();

		var answer = post(id, "detect", "10, 10, 20, 20");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.html().select(".notice").text()).contains("No face was found");
		assertThat(answer.html().selectFirst("textarea[name=boxes]").text()).isEqualTo("10, 10, 20, 20");
		assertThat(library.photo(id).orElseThrow().image().storageKey()).isEqualTo(key);
	}

	@Test
	void anotherEditorsReaderCannotOpenTheBlurPage() throws Exception {
		long id = upload().get("id").asLong();
		String email = "reader" + unique() + "@example.org";
		identity.createAccount(new NewAccount(email, "correct horse battery staple", "Reader", Role.READER));
		var reader = BrowserSession.signIn(http, email, "correct horse battery staple");

		assertThat(reader.get("/editor/photos/" + id + "/blur").status()).isIn(403, 404);
	}

}
