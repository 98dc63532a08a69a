package org.veche.site.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;

/**
 * One kept page: its bytes as rendered, the headers it was sent with, the counters it was
 * built under. The gzip and brotli copies are made when a reader first asks for them,
 * once each, so a page rebuilt under a storm of comments costs no compression until
 * someone wants it compressed. A copy of at least the file threshold is kept in a file of
 * {@link PageFiles} (sent by the connector with sendfile), a smaller one in memory.
 */
final class KeptPage {

	enum Coding {

		IDENTITY(""), GZIP("gzip"), BR("br");

		final String token;

		Coding(String token) {
			this.token = token;
		}

	}

	/**
	 * Whether Brotli's native library loaded; asked only when a reader accepts br (see
	 * {@link Brotli}).
	 */
	static boolean brotli() {
		return Brotli.AVAILABLE;
	}

	/**
	 * Loads the native library on first use, not with the first kept page: a start whose
	 * first readers (or checks) ask for no br pays nothing for it.
	 */
	private static final class Brotli {

		static final boolean AVAILABLE = brotliAvailable();

	}

	/**
	 * One copy of the page as it is sent: bytes in memory, or a file that the connector
	 * sends itself.
	 */
	record Body(byte[] bytes, PageFiles.File file) {

		long length() {
			return bytes != null ? bytes.length : file.length();
		}

	}

	private final Body identity;

	final String contentType;

	final Locale locale;

	/**
	 * Header name and value pairs, in order, as the fresh response carried them (security
	 * headers too).
	 */
	final List<String[]> headers;

	final PageVersions.Stamp stamp;

	final long builtAt;

	/**
	 * How long the page took to render, which bounds how often it is rebuilt under a
	 * storm of changes.
	 */
	final long renderMillis;

	/**
	 * The strong entity tag of the identity bytes, without quotes; the compressed copies
	 * add a suffix.
	 */
	final String tag;

	/**
	 * The quoted entity tags of the three codings (in the order of {@link Coding}), made
	 * once.
	 */
	private final String[] etags;

	/** The Last-Modified the page was sent with, in epoch milliseconds, or -1. */
	final long lastModified;

	final AtomicBoolean rebuilding = new AtomicBoolean();

	volatile long rebuildStarted;

	private volatile Body gzip;

	private volatile Body br;

	/**
	 * Where copies of at least {@code fileThreshold} bytes are kept, or null: all in
	 * memory.
	 */
	private final PageFiles files;

	private final long fileThreshold;

	/** Guards the compressed copies and {@link #retired}. */
	private final ReentrantLock compressing = new ReentrantLock();

	/**
	 * The page left the cache: its files are going, and a copy made now goes with them.
	 */
	private boolean retired;

	KeptPage(byte[] identity, String contentType, Locale locale, List<String[]> headers, PageVersions.Stamp stamp,
			long builtAt, long renderMillis, PageFiles files, long fileThreshold) {
		this.files = files;
		this.fileThreshold = fileThreshold;
		this.identity = keep(identity, "html");
		this.contentType = contentType;
		this.locale = locale;
		this.headers = headers;
		this.stamp = stamp;
		this.builtAt = builtAt;
		this.renderMillis = renderMillis;
		this.tag = digest(identity);
		this.etags = new String[] { "\"" + tag + "\"", "\"" + tag + "-gzip\"", "\"" + tag + "-br\"" };
		this.lastModified = lastModified(headers);
	}

	private static long lastModified(List<String[]> headers) {
		for (String[] header : headers) {
			if (header[0].equalsIgnoreCase("Last-Modified")) {
				try {
					return java.time.ZonedDateTime
						.parse(header[1], java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
						.toInstant()
						.toEpochMilli();
				}
				catch (java.time.format.DateTimeParseException ex) {
					return -1;
				}
			}
		}
		return -1;
	}

	String etag(Coding coding) {
		return etags[coding.ordinal()];
	}

	Body body(Coding coding) {
		return switch (coding) {
			case IDENTITY -> identity;
			case GZIP -> gzip != null ? gzip : compress(Coding.GZIP);
			case BR -> br != null ? br : compress(Coding.BR);
		};
	}

	/**
	 * Estimated bytes, in memory or in files, for the cache's bound (which so bounds the
	 * files too): the compressed copies are a fraction of the page.
	 */
	int weight() {
		long length = identity.length();
		return (int) Math.min(Integer.MAX_VALUE, length + length / 3 + 1024);
	}

	/**
	 * The page left the cache: its files are deleted after a grace period, so sends in
	 * flight keep theirs.
	 */
	void retire() {
		compressing.lock();
		try {
			retired = true;
			for (Body body : new Body[] { identity, gzip, br }) {
				if (body != null && body.file() != null) {
					files.retire(body.file());
				}
			}
		}
		finally {
			compressing.unlock();
		}
	}

	/**
	 * A big copy goes to a file (when one can be written), a small one stays in memory.
	 */
	private Body keep(byte[] bytes, String suffix) {
		if (files != null && bytes.length >= fileThreshold) {
			PageFiles.File file = files.write(bytes, suffix);
			if (file != null) {
				return new Body(null, file);
			}
		}
		return new Body(bytes, null);
	}

	private Body compress(Coding coding) {
		compressing.lock();
		try {
			if (coding == Coding.GZIP ? gzip != null : br != null) {
				return coding == Coding.GZIP ? gzip : br;
			}
			byte[] page = identity.bytes() != null ? identity.bytes() : files.read(identity.file());
			Body body = coding == Coding.GZIP ? keep(gzip(page), "gz")
					: keep(Encoder.compress(page, new Encoder.Parameters().setQuality(5)), "br");
			if (retired && body.file() != null) {
				// made for a reader who found the page just before it left the cache
				files.retire(body.file());
			}
			if (coding == Coding.GZIP) {
				gzip = body;
			}
			else {
				br = body;
			}
			return body;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			compressing.unlock();
		}
	}

	static byte[] gzip(byte[] bytes) throws IOException {
		var out = new ByteArrayOutputStream(bytes.length / 4 + 64);
		try (var gzip = new GZIPOutputStream(out, 16 * 1024) {
			{
				def.setLevel(Deflater.DEFAULT_COMPRESSION);
			}
		}) {
			gzip.write(bytes);
		}
		return out.toByteArray();
	}

	private static String digest(byte[] bytes) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean brotliAvailable() {
		try {
			Brotli4jLoader.ensureAvailability();
			return true;
		}
		catch (Throwable ex) {
			// a platform without one of the two native builds we ship: gzip only
			return false;
		}
	}

}
