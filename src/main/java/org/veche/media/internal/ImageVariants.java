package org.veche.media.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.Tag;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;

import org.springframework.http.HttpStatus;
import org.veche.site.RejectedInput;

/**
 * Decodes an upload by its content (JPEG, PNG, WebP through ImageIO and TwelveMonkeys),
 * refuses what is too big before decoding a pixel, turns it upright, and writes fresh
 * JPEG variants that carry no metadata at all: re-encoding from pixels is what guarantees
 * that no EXIF, XMP, IPTC or GPS survives.
 */
public final class ImageVariants {

	public static final List<Integer> WIDTHS = List.of(480, 960, 1600);

	static final long MAX_PIXELS = 60_000_000L;

	static final Set<String> FORMATS = Set.of("jpeg", "png", "webp");

	private ImageVariants() {
	}

	public record Decoded(BufferedImage image, Set<String> removed) {
	}

	public static Decoded decode(byte[] bytes) {
		BufferedImage image = read(bytes);
		var removed = new LinkedHashSet<String>();
		int orientation = inspect(bytes, removed);
		return new Decoded(upright(image, orientation), removed);
	}

	private static BufferedImage read(byte[] bytes) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw unsupported();
			}
			ImageReader reader = readers.next();
			// webp-imageio (the WebP writer) registers a native reader too: uploads are
			// decoded in Java alone
			while (reader.getClass().getName().startsWith("com.luciad.") && readers.hasNext()) {
				reader.dispose();
				reader = readers.next();
			}
			try {
				String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
				if (!FORMATS.contains(format)) {
					throw unsupported();
				}
				reader.setInput(in, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels > MAX_PIXELS || reader.getWidth(0) < 1 || reader.getHeight(0) < 1) {
					throw new RejectedInput(HttpStatus.UNPROCESSABLE_CONTENT, "photo.tooManyPixels",
							MAX_PIXELS / 1_000_000);
				}
				var warnings = new ArrayList<String>();
				reader.addIIOReadWarningListener((source, message) -> warnings.add(message));
				BufferedImage image = reader.read(0);
				// A cut-off JPEG decodes with only a warning, grey from the cut down:
				// that is damage, not a photo.
				if (image == null || warnings.stream().anyMatch(ImageVariants::dataEndedEarly)) {
					throw unreadable();
				}
				return image;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof RejectedInput rejected) {
				throw rejected;
			}
			throw unreadable();
		}
	}

	/**
	 * Reads a variant the site wrote itself (to blur it): no orientation, nothing to
	 * report.
	 */
	public static BufferedImage readVariant(byte[] bytes) {
		return read(bytes);
	}

	/**
	 * A missing end marker alone is harmless (the pixels are all there); pixel data that
	 * stops short is not.
	 */
	static boolean dataEndedEarly(String warning) {
		return warning != null && warning.toLowerCase(java.util.Locale.ROOT).contains("premature end");
	}

	/**
	 * Reads what the original says about itself: its orientation, and what we are about
	 * to drop.
	 */
	private static int inspect(byte[] bytes, Set<String> removed) {
		try {
			Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
			int orientation = 1;
			for (Directory directory : metadata.getDirectories()) {
				if (directory instanceof GpsDirectory gps && gps.getGeoLocation() != null) {
					removed.add("location");
				}
				if (directory instanceof ExifIFD0Directory ifd0
						&& ifd0.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
					orientation = ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION);
				}
				if (directory instanceof XmpDirectory xmp) {
					inspectXmp(xmp, removed);
				}
				for (Tag tag : directory.getTags()) {
					String tagName = tag.getTagName().toLowerCase(java.util.Locale.ROOT);
					// body serials in EXIF, and Canon's, Nikon's, Fuji's... in their
					// maker notes; lens serials too
					if (tagName.contains("serial number") && !blank(directory.getString(tag.getTagType()))) {
						removed.add("camera-serial");
					}
					if (directory instanceof IptcDirectory && IPTC_PLACES.contains(tag.getTagType())
							&& !blank(directory.getString(tag.getTagType()))) {
						removed.add("location");
					}
				}
				String name = directory.getName();
				if (name.startsWith("Exif") || name.equals("XMP") || name.equals("IPTC") || name.startsWith("GPS")
						|| name.contains("Makernote")) {
					removed.add("metadata");
				}
			}
			return orientation;
		}
		catch (ImageProcessingException | IOException | com.drew.metadata.MetadataException | RuntimeException ex) {
			return 1;
		}
	}

	/**
	 * IPTC's place fields: a city or sub-location names where a photo was taken as surely
	 * as GPS does.
	 */
	private static final Set<Integer> IPTC_PLACES = Set.of(IptcDirectory.TAG_CITY, IptcDirectory.TAG_SUB_LOCATION,
			IptcDirectory.TAG_PROVINCE_OR_STATE);

	/**
	 * XMP can repeat the GPS position (exif:GPSLatitude) and the serials
	 * (aux:SerialNumber) outside EXIF.
	 */
	private static void inspectXmp(XmpDirectory xmp, Set<String> removed) {
		for (var property : xmp.getXmpProperties().entrySet()) {
			String key = property.getKey().toLowerCase(java.util.Locale.ROOT);
			if (blank(property.getValue())) {
				continue;
			}
			if (key.contains("gpslatitude") || key.contains("gpslongitude")) {
				removed.add("location");
			}
			if (key.contains("serialnumber")) {
				removed.add("camera-serial");
			}
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank() || value.chars().allMatch(c -> c == 0 || c == ' ');
	}

	static BufferedImage upright(BufferedImage image, int orientation) {
		if (orientation <= 1 || orientation > 8) {
			return image;
		}
		int w = image.getWidth();
		int h = image.getHeight();
		boolean swap = orientation >= 5;
		// EXIF orientations 2-8 as affine maps (x, y) -> (x', y') onto the upright
		// canvas.
		AffineTransform transform = switch (orientation) {
			case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
			case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
			case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
			case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
			case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
			case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
			default -> new AffineTransform(0, -1, 1, 0, 0, w);
		};
		var turned = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = turned.createGraphics();
		g.drawImage(image, transform, null);
		g.dispose();
		return turned;
	}

	/**
	 * The widths to make for an image: each standard width it reaches, or its own width
	 * when it is smaller.
	 */
	public static List<Integer> widthsFor(int width) {
		var widths = new ArrayList<Integer>();
		for (int w : WIDTHS) {
			if (w <= width) {
				widths.add(w);
			}
		}
		if (widths.isEmpty()) {
			widths.add(width);
		}
		return widths;
	}

	/**
	 * The image at this width, on a white ground (transparent PNGs would otherwise turn
	 * black).
	 */
	public static BufferedImage scaled(BufferedImage source, int width) {
		int height = Math.max(1, Math.round((float) source.getHeight() * width / source.getWidth()));
		var scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = scaled.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		g.setColor(java.awt.Color.WHITE);
		g.fillRect(0, 0, width, height);
		g.drawImage(source, 0, 0, width, height, null);
		g.dispose();
		return scaled;
	}

	public static void writeJpeg(BufferedImage scaled, OutputStream out) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(ios);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.85f);
			writer.write(null, new IIOImage(scaled, null, null), param);
		}
		finally {
			writer.dispose();
		}
	}

	private static RejectedInput unsupported() {
		return new RejectedInput(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "photo.unsupported");
	}

	private static RejectedInput unreadable() {
		return new RejectedInput(HttpStatus.UNPROCESSABLE_CONTENT, "photo.unreadable");
	}

}
