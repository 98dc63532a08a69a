package org.veche.media.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.luciad.imageio.webp.WebPImageWriterSpi;
import com.luciad.imageio.webp.WebPWriteParam;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes WebP variants with libwebp through webp-imageio (TwelveMonkeys and the JDK only
 * read WebP). The encoder is given pixels alone, so the file carries no EXIF, XMP or ICC
 * chunk. The jar ships libwebp for Linux x86_64 and aarch64; elsewhere the site still
 * works and serves JPEG only.
 */
public final class Webp {

	private static final Logger log = LoggerFactory.getLogger(Webp.class);

	private Webp() {
	}

	public static boolean available() {
		return Native.AVAILABLE;
	}

	/** A lossy WebP of the (already scaled) image. */
	public static byte[] encode(BufferedImage image, int quality) {
		ImageWriter writer = new WebPImageWriterSpi().createWriterInstance(null);
		var out = new ByteArrayOutputStream();
		try (var stream = new MemoryCacheImageOutputStream(out)) {
			var param = new WebPWriteParam(null);
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionType(param.getCompressionTypes()[WebPWriteParam.LOSSY_COMPRESSION]);
			param.setCompressionQuality(quality / 100f);
			writer.setOutput(stream);
			writer.write(null, new IIOImage(rgb(image), null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	/** Three bytes a pixel: the encoder's fast path, and no alpha channel to carry. */
	private static BufferedImage rgb(BufferedImage image) {
		if (image.getType() == BufferedImage.TYPE_3BYTE_BGR || image.getType() == BufferedImage.TYPE_INT_RGB) {
			return image;
		}
		var rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		var g = rgb.createGraphics();
		g.drawImage(image, 0, 0, null);
		g.dispose();
		return rgb;
	}

	/**
	 * Loads the native library once, on first use (not at start: readers never need it).
	 */
	private static final class Native {

		static final boolean AVAILABLE = load();

		private static boolean load() {
			try {
				encode(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), 50);
				return true;
			}
			catch (Throwable ex) { // UnsatisfiedLinkError or the loader's own exceptions
									// on a platform without natives
				log.warn("libwebp could not be loaded ({}): photo variants are written as JPEG only", ex.toString());
				return false;
			}
		}

	}

}
