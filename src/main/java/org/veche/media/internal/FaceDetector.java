package org.veche.media.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.veche.media.Box;

/**
 * Finds frontal faces with OpenCV's Haar cascade
 * ({@code haarcascade_frontalface_alt2.xml}, which the build takes from the bytedeco
 * OpenCV jar), evaluated in Java by {@link HaarCascade}. The cascade is read on the first
 * detection, not at start. Detection only proposes boxes: the editor sees them and may
 * add, change or remove any before blurring.
 */
public final class FaceDetector {

	static final String MODEL = "haarcascade_frontalface_alt2.xml";

	private static final Logger log = LoggerFactory.getLogger(FaceDetector.class);

	private FaceDetector() {
	}

	public static boolean available() {
		return FaceDetector.class.getResource(MODEL) != null;
	}

	/**
	 * Faces in the image, in its pixel coordinates, each box grown a little so hair and
	 * ears are covered too.
	 */
	public static List<Box> detect(BufferedImage image) {
		HaarCascade cascade = Model.CASCADE;
		if (cascade == null) {
			return List.of();
		}
		int width = image.getWidth();
		int height = image.getHeight();
		int smallest = Math.max(12, Math.min(width, height) / 80);
		var boxes = new ArrayList<Box>();
		for (Box r : cascade.detect(equalised(grey(image), width, height), width, height, 1.1, 3, smallest)) {
			int margin = r.width() / 5;
			boxes.add(new Box(r.x() - margin, r.y() - margin, r.width() + 2 * margin, r.height() + 2 * margin)
				.within(width, height));
		}
		return boxes;
	}

	/** Luma as OpenCV's BGR2GRAY computes it. */
	private static byte[] grey(BufferedImage image) {
		int width = image.getWidth();
		int height = image.getHeight();
		byte[] grey = new byte[width * height];
		int[] row = new int[width];
		for (int y = 0; y < height; y++) {
			image.getRGB(0, y, width, 1, row, 0, width);
			for (int x = 0; x < width; x++) {
				int p = row[x];
				int luma = (int) Math
					.round(0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff));
				grey[y * width + x] = (byte) Math.min(luma, 255);
			}
		}
		return grey;
	}

	/**
	 * OpenCV's equalizeHist: the grey levels spread over the whole range by their
	 * cumulative histogram.
	 */
	private static byte[] equalised(byte[] grey, int width, int height) {
		int[] histogram = new int[256];
		for (byte b : grey) {
			histogram[b & 0xff]++;
		}
		int first = 0;
		while (histogram[first] == 0) {
			first++;
		}
		int total = width * height;
		int[] lut = new int[256];
		if (histogram[first] == total) {
			java.util.Arrays.fill(lut, first);
		}
		else {
			double scale = 255.0 / (total - histogram[first]);
			int running = 0;
			for (int i = first + 1; i < 256; i++) {
				running += histogram[i];
				lut[i] = (int) Math.min(255, Math.round(running * scale));
			}
		}
		byte[] out = new byte[grey.length];
		for (int i = 0; i < grey.length; i++) {
			out[i] = (byte) lut[grey[i] & 0xff];
		}
		return out;
	}

	/** Read once, on the first detection. */
	private static final class Model {

		static final HaarCascade CASCADE = load();

		private static HaarCascade load() {
			try (InputStream in = FaceDetector.class.getResourceAsStream(MODEL)) {
				if (in == null) {
					log.warn("No face model ({}) on the class path: faces are not proposed", MODEL);
					return null;
				}
				return HaarCascade.read(in);
			}
			catch (IOException ex) {
				log.warn("The face model could not be read ({}): faces are not proposed", ex.getMessage());
				return null;
			}
		}

	}

}
