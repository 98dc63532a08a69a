package org.veche.media.internal;

import java.awt.image.BufferedImage;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Encodes WebP variants with OpenCV's libwebp (TwelveMonkeys and the JDK only read WebP). The encoder is given
 * pixels alone, so the file carries no EXIF, XMP or ICC chunk.
 */
public final class Webp {

	private Webp() {
	}

	public static boolean available() {
		return OpenCv.available();
	}

	/** A lossy WebP of the (already scaled) image. */
	public static byte[] encode(BufferedImage image, int quality) {
		Mat mat = OpenCv.bgr(image);
		var out = new MatOfByte();
		try {
			if (!Imgcodecs.imencode(".webp", mat, out, new MatOfInt(Imgcodecs.IMWRITE_WEBP_QUALITY, quality))) {
				throw new IllegalStateException("OpenCV could not encode WebP");
			}
			return out.toArray();
		}
		finally {
			mat.release();
			out.release();
		}
	}

}
