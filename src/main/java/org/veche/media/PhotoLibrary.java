package org.veche.media;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
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
import org.springframework.util.FileSystemUtils;
import org.veche.media.internal.ImageVariants;
import org.veche.media.internal.Photos;
import org.veche.site.RejectedInput;
import org.veche.site.SiteProperties;

/**
 * The media module's face: photos go in as uploads and come out as metadata-free variants in a gallery.
 */
@Service
public class PhotoLibrary {

	static final int MAX_TEXT = 1_000;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Photos photos;

	private final Path mediaDir;

	private final Clock clock;

	PhotoLibrary(Photos photos, SiteProperties site, Clock clock) {
		this.photos = photos;
		this.mediaDir = site.mediaDir();
		this.clock = clock;
	}

	/**
	 * Stores a photo for an article: variants are written to disk before the row exists, so a row always has its
	 * files; a failure on the way leaves no row and removes the files.
	 */
	@Transactional
	public Upload add(long articleId, byte[] upload, String caption, String credit, String alt) {
		if (upload == null || upload.length == 0) {
			throw new RejectedInput("photo.empty");
		}
		String cleanCaption = text(caption);
		String cleanCredit = text(credit);
		String cleanAlt = text(alt);
		ImageVariants.Decoded decoded = ImageVariants.decode(upload);
		int width = decoded.image().getWidth();
		int height = decoded.image().getHeight();
		List<Integer> widths = ImageVariants.widthsFor(width);
		String key = newKey();
		Path folder = mediaDir.resolve(key);
		try {
			Files.createDirectories(folder);
			for (int w : widths) {
				try (OutputStream out = Files.newOutputStream(folder.resolve(w + ".jpg"))) {
					ImageVariants.writeJpeg(decoded.image(), w, out);
				}
			}
			long id = photos.add(articleId, cleanCaption, cleanCredit, cleanAlt, width, height, key, widths,
					clock.instant());
			removeFilesOnRollback(folder);
			return new Upload(photos.byId(id).orElseThrow(), decoded.removed());
		}
		catch (IOException | RuntimeException ex) {
			deleteQuietly(folder);
			if (ex instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new UncheckedIOException("Could not store the photo's variants", (IOException) ex);
		}
	}

	/** Whether these bytes are a photo the site can take, checked before a batch that must not fail halfway. */
	public boolean readable(byte[] upload) {
		try {
			return upload != null && upload.length > 0 && ImageVariants.decode(upload).image() != null;
		}
		catch (RejectedInput | UncheckedIOException ex) {
			return false;
		}
	}

	/** Inside a larger transaction (an import), a rollback must not leave the variants behind without a row. */
	private static void removeFilesOnRollback(Path folder) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						deleteQuietly(folder);
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

	public void describe(long id, String caption, String credit, String alt) {
		photos.describe(id, text(caption), text(credit), text(alt));
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
			deleteQuietly(mediaDir.resolve(photo.storageKey()));
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

	private static String newKey() {
		byte[] bytes = new byte[12];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private static void deleteQuietly(Path folder) {
		try {
			FileSystemUtils.deleteRecursively(folder);
		}
		catch (IOException ex) {
			// an orphaned folder wastes space but harms no reader
		}
	}

}
