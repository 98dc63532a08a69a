package org.veche.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veche.media.MediaProperties;
import org.veche.site.SiteProperties;

/**
 * Originals are kept only when the owner says so, and then outside the served media
 * folder.
 */
class VariantFilesTests {

	@TempDir
	Path data;

	private VariantFiles files(boolean keepOriginals) {
		return new VariantFiles(new SiteProperties("Test", data, ZoneId.of("UTC"), false, false),
				new MediaProperties(keepOriginals), (SharedMediaStore) null);
	}

	@Test
	void anOriginalIsKeptOnlyWhenTheOwnerEnablesItAndNeverUnderTheServedFolder() throws Exception {
		byte[] upload = { 1, 2, 3 };
		var image = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);

		var off = files(false);
		off.write("aaa", image, List.of(480));
		off.keepOriginal("aaa", upload);
		var on = files(true);
		on.write("bbb", image, List.of(480));
		on.keepOriginal("bbb", upload);

		assertThat(off.original("aaa")).isEmpty();
		assertThat(on.original("bbb")).hasValue(upload);
		try (var served = Files.walk(data.resolve("media"))) {
			assertThat(served.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
				.containsExactlyInAnyOrder("480.jpg", "480.webp", "480.jpg", "480.webp");
		}
		on.delete("bbb");
		assertThat(on.original("bbb")).isEmpty();
	}

}
