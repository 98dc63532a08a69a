package org.veche.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.veche.media.internal.ImageVariants;
import org.veche.media.internal.Photos;
import org.veche.media.internal.VariantFiles;
import org.veche.site.RejectedInput;

/**
 * The media module's face: photos go in as uploads and come out as metadata-free variants
 * in a gallery.
 */
@Service
public class PhotoLibrary {

	static final int MAX_TEXT = 1_000;

	private final Photos photos;

	private final VariantFiles files;

	private final Clock clock;

	PhotoLibrary(Photos photos, VariantFiles files, Clock clock) {
		this.photos = photos;
		this.files = files;
		this.clock = clock;
	}

	/**
	 * Stores a photo for an article: variants are written to disk before the row exists,
	 * so a row always has its files; a failure on the way leaves no row and removes the
	 * files.
	 */
	@Transactional
	public Upload add(long articleId, byte[] upload, PhotoText text) {
		if (upload == null || upload.length == 0) {
			throw new RejectedInput("photo.empty");
		}
		String cleanCaption = text(text.caption());
		String cleanCredit = text(text.credit());
		String cleanAlt = text(text.alt());
		ImageVariants.Decoded decoded = ImageVariants.decode(upload);
		int width = decoded.image().getWidth();
		int height = decoded.image().getHeight();
		List<Integer> widths = ImageVariants.widthsFor(width);
		String key = VariantFiles.newKey();
		try {
			boolean webp = files.write(key, decoded.image(), widths);
			files.keepOriginal(key, upload);
			long id = photos.add(articleId, cleanCaption, cleanCredit, cleanAlt, width, height, key, widths, webp,
					clock.instant());
			removeFilesOnRollback(key);
			return new Upload(photos.byId(id).orElseThrow(), decoded.removed());
		}
		catch (IOException | RuntimeException ex) {
			files.delete(key);
			if (ex instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new UncheckedIOException("Could not store the photo's variants", (IOException) ex);
		}
	}

	/**
	 * Whether these bytes are a photo the site can take, checked before a batch that must
	 * not fail halfway.
	 */
	public boolean readable(byte[] upload) {
		try {
			return upload != null && upload.length > 0 && ImageVariants.decode(upload).image() != null;
		}
		catch (RejectedInput | UncheckedIOException ex) {
			return false;
		}
	}

	/**
	 * Inside a larger transaction (an import), a rollback must not leave the variants
	 * behind without a row.
	 */
	private void removeFilesOnRollback(String key) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						files.delete(key);
					}
				}
			});
		}
	}

	public Optional<Photo> photo(long id) {
		return photos.byId(id);
	}

	public List<Photo> gallery(long articleId) {
		return photos.ofArticle(articleId);
	}

	/** Covers of many articles at once, for lists. */
	public Map<Long, Photo> photos(java.util.Collection<Long> ids) {
		return photos.byIds(ids).stream().collect(Collectors.toMap(Photo::id, Function.identity()));
	}

	public void describe(long id, PhotoText text) {
		photos.describe(id, text(text.caption()), text(text.credit()), text(text.alt()));
	}

	/** Moves a photo one place earlier (-1) or later (+1) in its gallery. */
	@Transactional
	public void move(long id, int direction) {
		Photo photo = photos.byId(id).orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "photo.notFound"));
		List<Photo> gallery = new java.util.ArrayList<>(photos.ofArticle(photo.articleId()));
		int from = gallery.indexOf(photo);
		int to = Math.clamp(from + Integer.signum(direction), 0, gallery.size() - 1);
		gallery.add(to, gallery.remove(from));
		for (int i = 0; i < gallery.size(); i++) {
			photos.place(gallery.get(i).id(), i);
		}
	}

	@Transactional
	public void remove(long id) {
		photos.byId(id).ifPresent(photo -> {
			photos.remove(id);
			files.delete(photo.image().storageKey());
		});
	}

	private static String text(String value) {
		String clean = value == null ? "" : value.strip();
		if (clean.length() > MAX_TEXT) {
			throw new RejectedInput("photo.text.tooLong", MAX_TEXT);
		}
		if (clean.chars().anyMatch(c -> c < 0x20)) {
			throw new RejectedInput("input.controlCharacters");
		}
		return clean;
	}

}
