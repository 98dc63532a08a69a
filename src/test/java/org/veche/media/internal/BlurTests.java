package org.veche.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.veche.media.Box;

/**
 * Pixelation changes every box to flat cells and leaves each pixel outside the boxes
 * exactly as it was.
 */
class BlurTests {

	@Test
	void pixelsInsideTheBoxesBecomeFlatCellsAndNoPixelOutsideChanges() {
		var image = new BufferedImage(200, 150, BufferedImage.TYPE_INT_RGB);
		var random = new Random(7);
		for (int y = 0; y < 150; y++) {
			for (int x = 0; x < 200; x++) {
				image.setRGB(x, y, random.nextInt(0xffffff));
			}
		}
		var before = new BufferedImage(200, 150, BufferedImage.TYPE_INT_RGB);
		before.setData(image.getData());
		var box = new Box(40, 30, 64, 64);

		Blur.pixelate(image, List.of(box, new Box(190, 140, 50, 50)));

		int changedInside = 0;
		for (int y = 0; y < 150; y++) {
			for (int x = 0; x < 200; x++) {
				boolean inside = x >= 40 && x < 104 && y >= 30 && y < 94 || x >= 190 && y >= 140;
				if (!inside) {
					assertThat(image.getRGB(x, y)).as(x + "," + y).isEqualTo(before.getRGB(x, y));
				}
				else if (image.getRGB(x, y) != before.getRGB(x, y)) {
					changedInside++;
				}
			}
		}
		assertThat(changedInside).isGreaterThan(64 * 64 * 9 / 10);
		// a cell of the 64-pixel box is 8 pixels: one colour throughout
		int cell = image.getRGB(40, 30);
		for (int y = 30; y < 38; y++) {
			for (int x = 40; x < 48; x++) {
				assertThat(image.getRGB(x, y)).isEqualTo(cell);
			}
		}
		assertThat(image.getRGB(48, 30)).isNotEqualTo(cell);
	}

	@Test
	void aBoxReachingOffThePhotoIsCutToThePhoto() {
		assertThat(new Box(-10, 5, 30, 500).within(100, 80)).isEqualTo(new Box(0, 5, 20, 75));
		assertThat(new Box(10, 10, 5, 5).scaled(0.5)).isEqualTo(new Box(5, 5, 3, 3));
	}

}
