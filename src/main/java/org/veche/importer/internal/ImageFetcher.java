package org.veche.importer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.springframework.util.FileSystemUtils;

/**
 * Fetches the images an export's posts use, each address once, into a temporary folder
 * that is gone when the import ends. A fetch that fails (no answer, not 200, too large,
 * too slow, a private address) says why, for the report. Redirects are followed here,
 * each target checked like the first.
 */
final class ImageFetcher implements AutoCloseable {

	/**
	 * A redirect is carried from the response handler to the loop as a failure with this
	 * prefix.
	 */
	private static final String REDIRECT = "redirect to ";

	private final ImageFetching fetching;

	private final Path folder;

	private final Map<String, Result> fetched = new HashMap<>();

	/**
	 * @param file the fetched bytes, or null with the reason
	 */
	record Result(Path file, String failure) {

		boolean ok() {
			return file != null;
		}

		byte[] bytes() {
			try {
				return Files.readAllBytes(file);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	ImageFetcher(ImageFetching fetching) {
		this.fetching = fetching;
		try {
			this.folder = Files.createTempDirectory("veche-import");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Result fetch(String url) {
		return fetched.computeIfAbsent(url, this::download);
	}

	/**
	 * Forgets the bytes of an address whose content the site cannot use, with the reason.
	 */
	void reject(String url, String reason) {
		fetched.put(url, new Result(null, reason));
	}

	Optional<Result> fetchedBefore(String url) {
		return Optional.ofNullable(fetched.get(url));
	}

	private Result download(String url) {
		if (!HtmlText.isWebLink(url)) {
			return new Result(null, "not an http(s) address");
		}
		long deadline = System.nanoTime() + fetching.timeout().toNanos();
		try {
			URI target = URI.create(url.strip().replace(" ", "%20"));
			for (int redirects = 0;; redirects++) {
				if (!"http".equalsIgnoreCase(target.getScheme()) && !"https".equalsIgnoreCase(target.getScheme())
						|| target.getHost() == null) {
					return new Result(null, "not an http(s) address: " + target);
				}
				fetching.check(target.getHost());
				var request = new HttpGet(target);
				Result result;
				// every early answer aborts the request: closing it would read the rest
				// of a hostile body
				ClassicHttpResponse response = fetching.client().executeOpen(null, request, null);
				try {
					int status = response.getCode();
					HttpEntity entity = response.getEntity();
					if (status >= 300 && status < 400 && response.getFirstHeader("Location") != null) {
						request.abort();
						result = new Result(null, REDIRECT + response.getFirstHeader("Location").getValue());
					}
					else if (status != 200 || entity == null) {
						request.abort();
						result = new Result(null, "HTTP " + status);
					}
					else if (entity.getContentLength() > fetching.maxBytes()) {
						request.abort();
						result = tooLarge();
					}
					else {
						result = save(request, entity.getContent(), deadline);
					}
				}
				finally {
					closeQuietly(response);
				}
				if (result.failure() == null || !result.failure().startsWith(REDIRECT)) {
					return result;
				}
				if (redirects >= fetching.maxRedirects()) {
					return new Result(null, "more than " + fetching.maxRedirects() + " redirects");
				}
				target = target.resolve(result.failure().substring(REDIRECT.length()).strip().replace(" ", "%20"));
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			return new Result(null, ex.getClass().getSimpleName()
					+ (ex.getMessage() == null ? "" : ": " + ex.getMessage().replaceAll("\\s+", " ")));
		}
	}

	private Result save(HttpGet request, InputStream body, long deadline) throws IOException {
		Path file = folder.resolve(fetched.size() + ".img");
		long size = 0;
		try (OutputStream out = Files.newOutputStream(file)) {
			byte[] buffer = new byte[65_536];
			for (int n; (n = body.read(buffer)) > 0;) {
				size += n;
				if (size > fetching.maxBytes()) {
					request.abort();
					return tooLarge();
				}
				if (System.nanoTime() > deadline) {
					request.abort();
					return new Result(null, "slower than " + fetching.timeout().toSeconds() + " s");
				}
				out.write(buffer, 0, n);
			}
		}
		return new Result(file, null);
	}

	/**
	 * After an abort, closing says the socket is closed: the answer is decided already.
	 */
	private static void closeQuietly(ClassicHttpResponse response) {
		try {
			response.close();
		}
		catch (IOException ex) {
			// nothing more to read from it
		}
	}

	private Result tooLarge() {
		return new Result(null, "larger than " + fetching.maxBytes() / 1024 / 1024 + " MB");
	}

	@Override
	public void close() {
		try {
			FileSystemUtils.deleteRecursively(folder);
		}
		catch (IOException ex) {
			// the system's temporary folder is cleaned by the system in the end
		}
	}

}
