package org.veche.media.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import org.veche.media.MediaProperties;
import org.veche.site.SiteProperties;

/**
 * The files behind photos: a folder of variants per storage key under the served media
 * folder, and, only when the owner keeps originals, the uploaded file under a folder that
 * is never served. On PostgreSQL every file is also written to {@link SharedMediaStore},
 * so that the other nodes find it.
 */
@Component
public class VariantFiles {

	static final int WEBP_QUALITY = 80;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Path mediaDir;

	private final Path originalsDir;

	private final boolean keepOriginals;

	/**
	 * The files of every node, on PostgreSQL; absent on one node, whose disk is the only
	 * store.
	 */
	private final SharedMediaStore shared;

	@Autowired
	VariantFiles(SiteProperties site, MediaProperties media, ObjectProvider<SharedMediaStore> shared) {
		this(site, media, shared.getIfAvailable());
	}

	/**
	 * @param shared the database's copy of the files, or null on one node
	 */
	VariantFiles(SiteProperties site, MediaProperties media, SharedMediaStore shared) {
		this.mediaDir = site.mediaDir();
		this.originalsDir = site.dataDir().resolve("originals");
		this.keepOriginals = media.keepOriginals();
		this.shared = shared;
	}

	/**
	 * A fresh random key: a changed photo gets a new one, so no cache can keep serving
	 * the old pixels.
	 */
	public static String newKey() {
		byte[] bytes = new byte[12];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	/**
	 * Writes every variant of the upright image under the key.
	 * @return whether WebP variants were written too
	 */
	public boolean write(String key, BufferedImage upright, List<Integer> widths) throws IOException {
		boolean webp = Webp.available();
		for (int w : widths) {
			writeVariant(key, ImageVariants.scaled(upright, w));
		}
		return webp;
	}

	/**
	 * Writes one variant, already at its width, as JPEG and, where the site can, WebP.
	 */
	public void writeVariant(String key, BufferedImage scaled) throws IOException {
		Path folder = mediaDir.resolve(key);
		Files.createDirectories(folder);
		int w = scaled.getWidth();
		try (OutputStream out = Files.newOutputStream(folder.resolve(w + ".jpg"))) {
			ImageVariants.writeJpeg(scaled, out);
		}
		if (shared != null) {
			shared.putFile("media/" + key + "/" + w + ".jpg", folder.resolve(w + ".jpg"));
		}
		if (Webp.available()) {
			byte[] webp = Webp.encode(scaled, WEBP_QUALITY);
			Files.write(folder.resolve(w + ".webp"), webp);
			if (shared != null) {
				shared.put("media/" + key + "/" + w + ".webp", webp);
			}
		}
	}

	/** Keeps the uploaded bytes as they came, if the owner chose to. */
	public void keepOriginal(String key, byte[] upload) throws IOException {
		if (keepOriginals) {
			Files.createDirectories(originalsDir);
			Files.write(originalsDir.resolve(key), upload);
			if (shared != null) {
				shared.put("originals/" + key, upload);
			}
		}
	}

	public Optional<byte[]> original(String key) throws IOException {
		Path file = originalsDir.resolve(key);
		if (!Files.exists(file) && shared != null) {
			return shared.local("originals/" + key).map(VariantFiles::read);
		}
		return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
	}

	public byte[] variant(String key, int width) throws IOException {
		Path file = mediaDir.resolve(key).resolve(width + ".jpg");
		if (!Files.exists(file) && shared != null) {
			shared.local("media/" + key + "/" + width + ".jpg");
		}
		return Files.readAllBytes(file);
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Moves a kept original to a new key, so it follows its photo. */
	public void moveOriginal(String from, String to) throws IOException {
		Path file = originalsDir.resolve(from);
		if (Files.exists(file)) {
			Files.move(file, originalsDir.resolve(to));
		}
		if (shared != null) {
			shared.rename("originals/" + from, "originals/" + to);
		}
	}

	/** Removes the variants and any kept original of a key. */
	public void delete(String key) {
		try {
			if (shared != null) {
				shared.deleteUnder("media/" + key + "/");
				shared.delete("originals/" + key);
			}
			FileSystemUtils.deleteRecursively(mediaDir.resolve(key));
			Files.deleteIfExists(originalsDir.resolve(key));
		}
		catch (IOException ex) {
			// an orphaned folder wastes space but harms no reader
		}
	}

	public void deleteVariants(String key) {
		if (shared != null) {
			shared.deleteUnder("media/" + key + "/");
		}
		try {
			FileSystemUtils.deleteRecursively(mediaDir.resolve(key));
		}
		catch (IOException ex) {
			// as above
		}
	}

	public boolean keepsOriginals() {
		return keepOriginals;
	}

}
