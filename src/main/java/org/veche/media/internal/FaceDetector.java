package org.veche.media.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Mat;
import org.opencv.core.MatOfRect;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CascadeClassifier;
import org.veche.media.Box;

/**
 * Finds frontal faces with OpenCV's Haar cascade. The cascade is OpenCV's own file as the bytedeco OpenCV jar
 * ships it on the class path; OpenCV reads cascades only from a file, so it is copied to a temporary file once.
 * Detection only proposes boxes: the editor sees them and may add, change or remove any before blurring.
 */
public final class FaceDetector {

	static final String CASCADE = "/org/bytedeco/opencv/linux-x86_64/share/opencv4/haarcascades/haarcascade_frontalface_alt2.xml";

	private static final Object LOCK = new Object();

	private static CascadeClassifier classifier;

	private FaceDetector() {
	}

	public static boolean available() {
		return OpenCv.available() && FaceDetector.class.getResource(CASCADE) != null;
	}

	/** Faces in the image, in its pixel coordinates, each box grown a little so hair and ears are covered too. */
	public static List<Box> detect(BufferedImage image) {
		if (!available()) {
			return List.of();
		}
		Mat colour = OpenCv.bgr(image);
		Mat grey = new Mat();
		var found = new MatOfRect();
		try {
			Imgproc.cvtColor(colour, grey, Imgproc.COLOR_BGR2GRAY);
			Imgproc.equalizeHist(grey, grey);
			int smallest = Math.max(12, Math.min(image.getWidth(), image.getHeight()) / 80);
			// detectMultiScale is not safe to call on one classifier from two threads at once
			synchronized (LOCK) {
				classifier().detectMultiScale(grey, found, 1.1, 3, 0, new Size(smallest, smallest), new Size());
			}
			var boxes = new ArrayList<Box>();
			for (Rect r : found.toArray()) {
				int margin = r.width / 5;
				boxes.add(new Box(r.x - margin, r.y - margin, r.width + 2 * margin, r.height + 2 * margin)
					.within(image.getWidth(), image.getHeight()));
			}
			return boxes;
		}
		finally {
			colour.release();
			grey.release();
			found.release();
		}
	}

	private static CascadeClassifier classifier() {
		if (classifier == null) {
			try (InputStream in = FaceDetector.class.getResourceAsStream(CASCADE)) {
				Path file = Files.createTempFile("veche-faces", ".xml");
				file.toFile().deleteOnExit();
				Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
				var loaded = new CascadeClassifier(file.toString());
				Files.deleteIfExists(file);
				if (loaded.empty()) {
					throw new IllegalStateException("OpenCV could not read its face cascade");
				}
				classifier = loaded;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return classifier;
	}

}
