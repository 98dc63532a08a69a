package org.veche.media.internal;

import java.awt.image.BufferedImage;
import java.util.List;

import org.veche.media.Box;

/**
 * Destroys what is inside boxes: each box becomes a grid of about eight cells across,
 * each cell one flat colour (the mean of its pixels). Nothing of the face's detail is
 * left to recover, unlike a light Gaussian blur, which can be partly undone.
 */
public final class Blur {

	static final int CELLS_ACROSS = 8;

	private Blur() {
	}

	/** Pixelates the boxes (given in this image's coordinates) in place. */
	public static void pixelate(BufferedImage image, List<Box> boxes) {
		for (Box raw : boxes) {
			Box box = raw.within(image.getWidth(), image.getHeight());
			if (box.width() < 1 || box.height() < 1) {
				continue;
			}
			int cell = Math.max(4, Math.max(box.width(), box.height()) / CELLS_ACROSS);
			for (int y = box.y(); y < box.y() + box.height(); y += cell) {
				for (int x = box.x(); x < box.x() + box.width(); x += cell) {
					int w = Math.min(cell, box.x() + box.width() - x);
					int h = Math.min(cell, box.y() + box.height() - y);
					fill(image, x, y, w, h);
				}
			}
		}
	}

	private static void fill(BufferedImage image, int x, int y, int w, int h) {
		int[] pixels = image.getRGB(x, y, w, h, null, 0, w);
		long r = 0;
		long g = 0;
		long b = 0;
		for (int p : pixels) {
			r += p >> 16 & 0xff;
			g += p >> 8 & 0xff;
			b += p & 0xff;
		}
		int n = pixels.length;
		int mean = 0xff000000 | (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
		java.util.Arrays.fill(pixels, mean);
		image.setRGB(x, y, w, h, pixels, 0, w);
	}

}
