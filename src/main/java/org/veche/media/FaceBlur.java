package org.veche.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.veche.media.internal.Blur;
import org.veche.media.internal.FaceDetector;
import org.veche.media.internal.ImageVariants;
import org.veche.media.internal.Photos;
import org.veche.media.internal.VariantFiles;
import org.veche.media.internal.Webp;
import org.veche.site.RejectedInput;

/**
 * Blurs faces (or any region) on a photo before it is published, so a crowd can be shown
 * without identifying anyone in it. Every variant is written anew with the regions
 * pixelated, under a new storage key, and the old files are deleted: no served or cached
 * copy keeps the face. Blurs add up, since each starts from the served pixels; a kept
 * original (only when the owner enables it) stays as uploaded.
 */
@Service
public class FaceBlur {

	public static final int MAX_BOXES = 200;

	private final Photos photos;

	private final VariantFiles files;

	FaceBlur(Photos photos, VariantFiles files) {
		this.photos = photos;
		this.files = files;
	}

	/**
	 * Whether faces can be found automatically on this machine (else only boxes drawn or
	 * typed by hand).
	 */
	public boolean detectionAvailable() {
		return FaceDetector.available();
	}

	/**
	 * Faces OpenCV finds on the photo, in the photo's own pixels, for the editor to
	 * check.
	 */
	public List<Box> findFaces(long photoId) {
		Photo.Image stored = photo(photoId).image();
		BufferedImage image = variant(stored, stored.largestWidth());
		double toPhoto = (double) stored.width() / image.getWidth();
		return FaceDetector.detect(image)
			.stream()
			.map(b -> b.scaled(toPhoto).within(stored.width(), stored.height()))
			.toList();
	}

	/**
	 * Pixelates the boxes (in the photo's own pixels) in every variant.
	 * @return the photo with its new files
	 */
	@Transactional
	public Photo blur(long photoId, List<Box> boxes) {
		Photo photo = photo(photoId);
		Photo.Image stored = photo.image();
		if (boxes.isEmpty()) {
			throw new RejectedInput("photo.blur.noBoxes");
		}
		if (boxes.size() > MAX_BOXES) {
			throw new RejectedInput("photo.blur.tooMany", MAX_BOXES);
		}
		var onPhoto = new ArrayList<Box>();
		for (Box box : boxes) {
			Box inside = box.within(stored.width(), stored.height());
			if (inside.width() < 1 || inside.height() < 1) {
				throw new RejectedInput("photo.blur.outside", box.toString(), stored.width(), stored.height());
			}
			onPhoto.add(inside);
		}
		String key = VariantFiles.newKey();
		try {
			// each width from its own served pixels, so outside the boxes every variant
			// stays as it was
			for (int w : stored.widths()) {
				BufferedImage image = variant(stored, w);
				double toVariant = (double) image.getWidth() / stored.width();
				Blur.pixelate(image, onPhoto.stream().map(b -> b.scaled(toVariant)).toList());
				files.writeVariant(key, image);
			}
			boolean webp = Webp.available();
			files.moveOriginal(stored.storageKey(), key);
			photos.replaceFiles(photoId, key, webp, photo.blurredRegions() + onPhoto.size());
		}
		catch (IOException | RuntimeException ex) {
			files.deleteVariants(key);
			if (ex instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new UncheckedIOException((IOException) ex);
		}
		files.deleteVariants(stored.storageKey());
		return photos.byId(photoId).orElseThrow();
	}

	private Photo photo(long photoId) {
		return photos.byId(photoId).orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "photo.notFound"));
	}

	private BufferedImage variant(Photo.Image stored, int width) {
		try {
			return ImageVariants.readVariant(files.variant(stored.storageKey(), width));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
