package org.veche.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.veche.identity.Role;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * No served photo carries the metadata of its upload (GPS, EXIF, XMP, IPTC), and a photo
 * the camera stored turned is served upright. Real camera photos come from the shared
 * test data; turned ones are made here.
 */
class PhotoMetadataIT extends IntegrationTest {

	/**
	 * The shared data folder: -Dveche.shared.data or VECHE_SHARED_DATA, else
	 * ../shared/data.
	 */
	static final Path SHARED_DATA = Path.of(System.getProperty("veche.shared.data",
			System.getenv().getOrDefault("VECHE_SHARED_DATA", "../shared/data")));

	private static final Path EXIF_PHOTOS = SHARED_DATA.resolve("exif-photos");

	private String editorToken;

	private String slug;

	@BeforeEach
	void article() {
		editorToken = tokenFor(Role.EDITOR);
		slug = publishArticle(editorToken, "Metadata desk " + unique());
	}

	private JsonNode upload(String name, byte[] bytes) {
		var response = http.bearer(editorToken)
			.postMultipart("/api/v1/articles/" + slug + "/photos",
					Map.of("file", new Http.FilePart(name, "image/jpeg", bytes), "caption", name));
		assertThat(response.status()).as(name + ": " + response).isEqualTo(201);
		return response.json();
	}

	/** Every variant of a stored photo, as served. */
	private static List<PhotoUploadIT.Served> variants(JsonNode stored) throws IOException, InterruptedException {
		String largest = stored.get("url").asString();
		String base = largest.substring(0, largest.lastIndexOf('/') + 1);
		var variants = new ArrayList<PhotoUploadIT.Served>();
		for (var width : stored.get("widths")) {
			var variant = PhotoUploadIT.fetch(base + width.asInt() + ".jpg");
			assertThat(variant.status()).isEqualTo(200);
			assertThat(variant.contentType()).isEqualTo("image/jpeg");
			variants.add(variant);
			// libwebp ships for Linux x86_64 and aarch64, where this is built, so WebP is
			// expected beside each JPEG
			assertThat(stored.get("webpSrcset").isNull()).as("WebP variants were written").isFalse();
			var webp = PhotoUploadIT.fetch(base + width.asInt() + ".webp");
			assertThat(webp.status()).isEqualTo(200);
			assertThat(webp.contentType()).isEqualTo("image/webp");
			assertThat(ImageIO.read(new ByteArrayInputStream(webp.bytes())).getWidth()).isEqualTo(width.asInt());
			variants.add(webp);
		}
		return variants;
	}

	private static void assertNoMetadata(String name, byte[] served) throws Exception {
		Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(served));
		assertThat(metadata.getDirectoriesOfType(GpsDirectory.class)).as(name + ": GPS").isEmpty();
		assertThat(metadata.getDirectoriesOfType(ExifIFD0Directory.class)).as(name + ": EXIF IFD0").isEmpty();
		assertThat(metadata.getDirectoriesOfType(ExifSubIFDDirectory.class)).as(name + ": EXIF SubIFD").isEmpty();
		assertThat(metadata.getDirectoriesOfType(XmpDirectory.class)).as(name + ": XMP").isEmpty();
		assertThat(metadata.getDirectoriesOfType(IptcDirectory.class)).as(name + ": IPTC").isEmpty();
		String latin = new String(served, StandardCharsets.ISO_8859_1);
		assertThat(latin).as(name + ": raw bytes").doesNotContain("Exif\0\0").doesNotContain("http://ns.adobe.com/xap");
	}

	/** The EXIF orientation the original claims, 1 when it claims none. */
	private static int orientation(byte[] original) throws Exception {
		Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(original));
		var ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
		return ifd0 != null && ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)
				? ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION) : 1;
	}

	private static List<Path> cameraPhotos() throws IOException {
		assumeTrue(Files.isDirectory(EXIF_PHOTOS),
				"The shared test photos are not here (" + EXIF_PHOTOS.toAbsolutePath().normalize() + "): skipped");
		try (Stream<Path> files = Files.list(EXIF_PHOTOS)) {
			return files.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".jpg")).sorted().toList();
		}
	}

	@Test
	void everyCameraPhotoUploadsAndNoServedVariantCarriesItsMetadata() throws Exception {
		var photos = cameraPhotos();
		assertThat(photos).as("the shared folder holds photos").isNotEmpty();
		int withGps = 0;

		for (Path photo : photos) {
			String name = photo.getFileName().toString();
			byte[] original = Files.readAllBytes(photo);
			Metadata before = ImageMetadataReader.readMetadata(new ByteArrayInputStream(original));
			if (!before.getDirectoriesOfType(GpsDirectory.class).isEmpty()) {
				withGps++;
			}
			BufferedImage pixels = ImageIO.read(new ByteArrayInputStream(original));
			boolean turned = orientation(original) >= 5;

			var stored = upload(name, original);

			assertThat(stored.get("width").asInt()).as(name).isEqualTo(turned ? pixels.getHeight() : pixels.getWidth());
			assertThat(stored.get("height").asInt()).as(name)
				.isEqualTo(turned ? pixels.getWidth() : pixels.getHeight());
			assertThat(stored.get("removed").valueStream().map(JsonNode::asString).toList()).as(name)
				.contains("metadata");
			for (var variant : variants(stored)) {
				assertNoMetadata(name, variant.bytes());
			}
		}
		assertThat(withGps).as("the originals did carry GPS, so its absence means something").isPositive();
	}

	@Test
	void aCameraPhotoWhoseLocationIsKnownSaysSoWhenStored() throws Exception {
		var located = new ArrayList<Path>();
		for (Path photo : cameraPhotos()) {
			var gps = ImageMetadataReader.readMetadata(photo.toFile()).getFirstDirectoryOfType(GpsDirectory.class);
			if (gps != null && gps.getGeoLocation() != null && !gps.getGeoLocation().isZero()) {
				located.add(photo);
			}
		}
		assertThat(located).isNotEmpty();

		var stored = upload("located.jpg", Files.readAllBytes(located.get(0)));

		assertThat(stored.get("removed").valueStream().map(JsonNode::asString).toList()).contains("location");
	}

	@Test
	void aPhotoWhoseXmpNamesTheCameraSerialAndPlaceSaysSoAndNoVariantKeepsIt() throws Exception {
		// None of the shared photos carries a serial number, so one is given one the way
		// Lightroom writes it.
		byte[] tagged = TestImages.withXmp(TestImages.jpeg(600, 400),
				"<aux:SerialNumber>4021339</aux:SerialNumber><exif:GPSLatitude>50,27.05N</exif:GPSLatitude>"
						+ "<exif:GPSLongitude>30,31.4E</exif:GPSLongitude>");
		assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(tagged))
			.getDirectoriesOfType(XmpDirectory.class)).as("the XMP is readable before upload").isNotEmpty();

		var stored = upload("serial.jpg", tagged);

		assertThat(stored.get("removed").valueStream().map(JsonNode::asString).toList()).contains("camera-serial",
				"location", "metadata");
		for (var variant : variants(stored)) {
			assertNoMetadata("serial.jpg", variant.bytes());
			assertThat(new String(variant.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("4021339");
		}
	}

	@Test
	void aCameraPhotoStoredTurnedIsServedUprightWithoutItsMetadata() throws Exception {
		// None of the shared photos is turned (all say orientation 1 or nothing), so one
		// is made to say 6 and 8.
		byte[] original = null;
		for (Path photo : cameraPhotos()) {
			byte[] bytes = Files.readAllBytes(photo);
			if (orientation(bytes) == 1 && TestImages.reoriented(bytes, 6) != null
					&& !ImageMetadataReader.readMetadata(photo.toFile())
						.getDirectoriesOfType(GpsDirectory.class)
						.isEmpty()) {
				original = bytes;
				break;
			}
		}
		assumeTrue(original != null, "no shared photo with an orientation tag to change");
		BufferedImage pixels = ImageIO.read(new ByteArrayInputStream(original));
		assertThat(pixels.getWidth()).isNotEqualTo(pixels.getHeight());

		for (int orientation : new int[] { 6, 8 }) {
			byte[] turned = TestImages.reoriented(original, orientation);
			assertThat(orientation(turned)).isEqualTo(orientation);

			var stored = upload("turned-" + orientation + ".jpg", turned);

			assertThat(stored.get("width").asInt()).isEqualTo(pixels.getHeight());
			assertThat(stored.get("height").asInt()).isEqualTo(pixels.getWidth());
			for (var variant : variants(stored)) {
				var image = variant.image();
				assertThat((double) image.getWidth() / image.getHeight())
					.isCloseTo((double) pixels.getHeight() / pixels.getWidth(), offset(0.02));
				assertNoMetadata("turned-" + orientation, variant.bytes());
			}
		}
	}

	@Test
	void orientationSixTurnsClockwiseAndEightCounterClockwise() throws Exception {
		// 300 by 200 pixels with a red square in the stored top-left corner.
		byte[] plain = TestImages.jpeg(300, 200);

		var six = upload("six.jpg", TestImages.withOrientation(plain, 6));
		var eight = upload("eight.jpg", TestImages.withOrientation(plain, 8));
		var one = upload("one.jpg", TestImages.withOrientation(plain, 1));

		for (var stored : List.of(six, eight)) {
			assertThat(stored.get("width").asInt()).isEqualTo(200);
			assertThat(stored.get("height").asInt()).isEqualTo(300);
		}
		assertThat(one.get("width").asInt()).isEqualTo(300);
		var sixImage = variants(six).get(0).image();
		var eightImage = variants(eight).get(0).image();
		var oneImage = variants(one).get(0).image();
		assertThat(sixImage.getWidth()).isEqualTo(200);
		assertThat(sixImage.getHeight()).isEqualTo(300);
		// Turned clockwise, the stored top-left corner is at the top right;
		// counter-clockwise, at the bottom left.
		assertThat(isMark(sixImage, 190, 10)).as("6: top right is red").isTrue();
		assertThat(isMark(sixImage, 10, 10)).as("6: top left is not").isFalse();
		assertThat(isMark(eightImage, 10, 290)).as("8: bottom left is red").isTrue();
		assertThat(isMark(eightImage, 10, 10)).as("8: top left is not").isFalse();
		assertThat(isMark(oneImage, 10, 10)).as("1: top left stays red").isTrue();
	}

	private static boolean isMark(BufferedImage image, int x, int y) {
		var colour = new Color(image.getRGB(x, y));
		return colour.getRed() > 170 && colour.getGreen() < 80 && colour.getBlue() < 80;
	}

}
