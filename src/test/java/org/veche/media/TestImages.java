package org.veche.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/**
 * Images made in the test, byte for byte, so the photo tests need no files: pictures
 * written with ImageIO, a WebP written by a minimal lossless encoder (ImageIO can read
 * WebP here but not write it), and the hostile files an uploader may send.
 */
final class TestImages {

	/** The colour of the marked corner, to tell which way a photo was turned. */
	static final Color MARK = new Color(220, 20, 20);

	private TestImages() {
	}

	/**
	 * A noisy picture (so its JPEG has real entropy-coded data) with a red square in its
	 * top-left corner.
	 */
	static BufferedImage picture(int width, int height) {
		var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		var random = new Random(width * 31L + height);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int v = 120 + random.nextInt(60);
				image.setRGB(x, y, new Color(v, v, Math.min(255, v + 40)).getRGB());
			}
		}
		Graphics2D g = image.createGraphics();
		g.setColor(MARK);
		g.fillRect(0, 0, Math.max(1, width / 5), Math.max(1, height / 5));
		g.dispose();
		return image;
	}

	static byte[] jpeg(int width, int height) {
		return write(picture(width, height), "jpeg");
	}

	static byte[] png(int width, int height) {
		return write(picture(width, height), "png");
	}

	private static byte[] write(BufferedImage image, String format) {
		var out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("no ImageIO writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * A lossless WebP (VP8L) of two pixels by two, red and blue in a checkerboard. Each
	 * channel gets a "simple" prefix code: green and alpha a single symbol (which costs
	 * no bits per pixel), red and blue the two symbols 0 and 255 (one bit each), so the
	 * whole picture is eight bits of pixel data.
	 */
	static byte[] webp() {
		var bits = new BitWriter();
		bits.write(0x2f, 8); // VP8L signature
		bits.write(2 - 1, 14); // width - 1
		bits.write(2 - 1, 14); // height - 1
		bits.write(0, 1); // alpha is not used
		bits.write(0, 3); // version 0
		bits.write(0, 1); // no transform
		bits.write(0, 1); // no colour cache
		bits.write(0, 1); // no meta prefix codes
		simpleCode(bits, 0); // green: always 0
		simpleCode(bits, 0, 255); // red
		simpleCode(bits, 0, 255); // blue
		simpleCode(bits, 255); // alpha: opaque
		simpleCode(bits, 0); // distance: unused
		boolean[] red = { true, false, false, true };
		for (boolean isRed : red) {
			bits.write(isRed ? 1 : 0, 1); // red: the code of 255 is 1
			bits.write(isRed ? 0 : 1, 1); // blue
		}
		// TwelveMonkeys' decoder reads ahead eight bytes at a time: trailing zero bytes,
		// which decoders ignore, keep it from running off the end of so short a stream.
		byte[] coded = bits.bytes();
		byte[] vp8l = Arrays.copyOf(coded, coded.length + 8);
		int padded = vp8l.length + (vp8l.length & 1);
		var riff = ByteBuffer.allocate(12 + 8 + padded).order(ByteOrder.LITTLE_ENDIAN);
		riff.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + 8 + padded);
		riff.put("WEBP".getBytes(StandardCharsets.US_ASCII));
		riff.put("VP8L".getBytes(StandardCharsets.US_ASCII)).putInt(vp8l.length).put(vp8l);
		return riff.array();
	}

	private static void simpleCode(BitWriter bits, int... symbols) {
		bits.write(1, 1); // simple code
		bits.write(symbols.length - 1, 1);
		boolean wide = symbols[0] > 1;
		bits.write(wide ? 1 : 0, 1);
		bits.write(symbols[0], wide ? 8 : 1);
		if (symbols.length == 2) {
			bits.write(symbols[1], 8);
		}
	}

	/** VP8L packs its bits least significant first. */
	private static final class BitWriter {

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		private int current;

		private int used;

		void write(int value, int count) {
			for (int i = 0; i < count; i++) {
				current |= ((value >>> i) & 1) << used;
				if (++used == 8) {
					out.write(current);
					current = 0;
					used = 0;
				}
			}
		}

		byte[] bytes() {
			if (used > 0) {
				out.write(current);
				current = 0;
				used = 0;
			}
			return out.toByteArray();
		}

	}

	/**
	 * A real PNG header whose IHDR claims the size given, followed by one tiny IDAT and
	 * IEND.
	 */
	static byte[] pngClaiming(int width, int height) {
		var out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		var ihdr = ByteBuffer.allocate(13)
			.putInt(width)
			.putInt(height)
			.put((byte) 8)
			.put((byte) 2)
			.put((byte) 0)
			.put((byte) 0)
			.put((byte) 0)
			.array();
		chunk(out, "IHDR", ihdr);
		chunk(out, "IDAT", new byte[] { 0x78, (byte) 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01 });
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	/**
	 * A real decompression bomb: a valid one-bit grey PNG whose IDAT is a deflate stream
	 * of zero rows, a few hundred kilobytes on the wire that inflate to rows * (1 + width
	 * / 8) bytes, and to width * height pixels.
	 */
	static byte[] pngBomb(int width, int height) {
		var out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		chunk(out, "IHDR",
				ByteBuffer.allocate(13)
					.putInt(width)
					.putInt(height)
					.put((byte) 1)
					.put((byte) 0)
					.put((byte) 0)
					.put((byte) 0)
					.put((byte) 0)
					.array());
		var deflated = new ByteArrayOutputStream();
		var deflater = new java.util.zip.Deflater(9);
		byte[] row = new byte[1 + (width + 7) / 8];
		byte[] buffer = new byte[1 << 16];
		try (var zip = new java.util.zip.DeflaterOutputStream(deflated, deflater, buffer.length)) {
			for (int y = 0; y < height; y++) {
				zip.write(row);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		chunk(out, "IDAT", deflated.toByteArray());
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		out.writeBytes(name);
		out.writeBytes(data);
		var crc = new CRC32();
		crc.update(name);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	/**
	 * The JPEG with an XMP packet (an APP1 segment) holding these RDF properties, right
	 * after its start marker.
	 */
	static byte[] withXmp(byte[] jpeg, String properties) {
		String packet = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
				+ "<rdf:Description rdf:about=\"\" xmlns:aux=\"http://ns.adobe.com/exif/1.0/aux/\" "
				+ "xmlns:exif=\"http://ns.adobe.com/exif/1.0/\">" + properties
				+ "</rdf:Description></rdf:RDF></x:xmpmeta>";
		byte[] body = ("http://ns.adobe.com/xap/1.0/\0" + packet).getBytes(StandardCharsets.UTF_8);
		var out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xff);
		out.write(0xe1);
		out.writeBytes(ByteBuffer.allocate(2).putShort((short) (body.length + 2)).array());
		out.writeBytes(body);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	/**
	 * The JPEG with an EXIF segment, right after its start marker, that holds only the
	 * orientation tag.
	 */
	static byte[] withOrientation(byte[] jpeg, int orientation) {
		var tiff = ByteBuffer.allocate(8 + 2 + 12 + 4).order(ByteOrder.BIG_ENDIAN);
		tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8); // header,
																				// IFD0 at
																				// 8
		tiff.putShort((short) 1); // one entry
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		tiff.putInt(0); // no next IFD
		byte[] exif = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
		int length = 2 + exif.length + tiff.capacity();
		var out = new ByteArrayOutputStream();
		out.write(0xff);
		out.write(0xd8);
		out.write(0xff);
		out.write(0xe1);
		out.write(length >> 8);
		out.write(length & 0xff);
		out.writeBytes(exif);
		out.writeBytes(tiff.array());
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	/**
	 * The same JPEG with the orientation in its EXIF IFD0 changed in place, so a real
	 * camera photo (with its GPS and maker notes) claims to be turned. Returns null when
	 * the file has no orientation tag to change.
	 */
	static byte[] reoriented(byte[] jpeg, int orientation) {
		byte[] copy = jpeg.clone();
		int at = 2;
		while (at + 4 <= copy.length && (copy[at] & 0xff) == 0xff) {
			int marker = copy[at + 1] & 0xff;
			int length = ((copy[at + 2] & 0xff) << 8) | (copy[at + 3] & 0xff);
			if (marker == 0xda) {
				return null;
			}
			int data = at + 4;
			if (marker == 0xe1 && new String(copy, data, 4, StandardCharsets.ISO_8859_1).equals("Exif")) {
				int tiff = data + 6;
				ByteOrder order = copy[tiff] == 'M' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
				var buffer = ByteBuffer.wrap(copy).order(order);
				int ifd0 = tiff + buffer.getInt(tiff + 4);
				int entries = buffer.getShort(ifd0) & 0xffff;
				for (int i = 0; i < entries; i++) {
					int entry = ifd0 + 2 + 12 * i;
					if ((buffer.getShort(entry) & 0xffff) == 0x0112) {
						buffer.putShort(entry + 8, (short) orientation);
						return copy;
					}
				}
				return null;
			}
			at = data + length - 2;
		}
		return null;
	}

}
