package org.veche.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.context.ApplicationContext;
import org.veche.publishing.Article;
import org.veche.site.RejectedInput;
import org.veche.site.SiteProperties;
import org.veche.support.ModuleTestSite;
import org.veche.support.TestDesk;

/**
 * The media module with what it stands on (publishing, identity, site, privacy, backup):
 * an upload re-encoded into its variants on disk and kept in its article's gallery, and
 * bytes that are no photo refused.
 */
@ApplicationModuleTest(BootstrapMode.ALL_DEPENDENCIES)
@ModuleTestSite
class MediaModuleTests {

	@Autowired
	PhotoLibrary photos;

	@Autowired
	ApplicationContext site;

	@Autowired
	SiteProperties settings;

	@Test
	void anUploadBecomesVariantsInTheStorysGallery() throws IOException {
		Article story = TestDesk.article(site, "In pictures");

		Upload upload = photos.add(story.id(), jpeg(1000, 750),
				new PhotoText("The embankment", "Photo: Desk", "A river at dusk"));

		Photo photo = upload.photo();
		assertThat(photo.image().width()).isEqualTo(1000);
		assertThat(photo.image().widths()).containsExactly(480, 960);
		assertThat(photo.text().creditName()).isEqualTo("Desk");
		for (int width : photo.image().widths()) {
			Path variant = settings.mediaDir().resolve(photo.image().storageKey()).resolve(width + ".jpg");
			assertThat(variant).exists();
			assertThat(ImageIO.read(variant.toFile()).getWidth()).isEqualTo(width);
		}
		assertThat(photos.gallery(story.id())).extracting(Photo::id).containsExactly(photo.id());
	}

	@Test
	void bytesThatAreNoPhotoAreRefusedAndLeaveNothing() throws IOException {
		Article story = TestDesk.article(site, "Empty story");
		long foldersBefore = folders();

		assertThatThrownBy(() -> photos.add(story.id(), "GIF89a but not really".getBytes(), new PhotoText("", "", "")))
			.isInstanceOf(RejectedInput.class);
		assertThat(photos.readable("not a photo".getBytes())).isFalse();
		assertThat(photos.gallery(story.id())).isEmpty();
		assertThat(folders()).isEqualTo(foldersBefore);
	}

	private long folders() throws IOException {
		Path media = settings.mediaDir();
		if (!Files.isDirectory(media)) {
			return 0;
		}
		try (var list = Files.list(media)) {
			return list.count();
		}
	}

	private static byte[] jpeg(int width, int height) throws IOException {
		var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		var graphics = image.createGraphics();
		graphics.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.DARK_GRAY));
		graphics.fillRect(0, 0, width, height);
		graphics.dispose();
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}

}
