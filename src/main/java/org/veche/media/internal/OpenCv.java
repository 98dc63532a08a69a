package org.veche.media.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads OpenCV's native library from the openpnp jar once, on first use. On a platform the jar has no library
 * for, the site still works: it serves JPEG only and offers manual blur boxes without detection.
 */
final class OpenCv {

	private static final Logger log = LoggerFactory.getLogger(OpenCv.class);

	private static final boolean AVAILABLE = load();

	private OpenCv() {
	}

	static boolean available() {
		return AVAILABLE;
	}

	private static boolean load() {
		try {
			nu.pattern.OpenCV.loadLocally();
			return true;
		}
		catch (Throwable ex) { // UnsatisfiedLinkError or the loader's own exceptions on an unknown platform
			log.warn("OpenCV could not be loaded ({}): no WebP variants and no face detection", ex.toString());
			return false;
		}
	}

	/** The image as an 8-bit BGR matrix, OpenCV's own pixel order. */
	static Mat bgr(BufferedImage image) {
		BufferedImage bgr = image;
		if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
			bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
			var g = bgr.createGraphics();
			g.drawImage(image, 0, 0, null);
			g.dispose();
		}
		byte[] pixels = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
		Mat mat = new Mat(bgr.getHeight(), bgr.getWidth(), CvType.CV_8UC3);
		mat.put(0, 0, pixels);
		return mat;
	}

}
