package org.veche.importer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.util.FileSystemUtils;

/**
 * Fetches the images an export's posts use, each address once, into a temporary folder that is gone when the
 * import ends. A fetch that fails (no answer, not 200, too large) says why, for the report.
 */
final class ImageFetcher implements AutoCloseable {

	static final long MAX_BYTES = 25L * 1024 * 1024;

	private final HttpClient client = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NORMAL)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final Path folder;

	private final Map<String, Result> fetched = new HashMap<>();

	/** @param file the fetched bytes, or null with the reason */
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

	ImageFetcher() {
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

	/** Forgets the bytes of an address whose content the site cannot use, with the reason. */
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
		try {
			var request = HttpRequest.newBuilder(URI.create(url.strip().replace(" ", "%20")))
				.timeout(Duration.ofSeconds(30))
				.header("User-Agent", "Veche import")
				.GET()
				.build();
			HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				if (response.statusCode() != 200) {
					return new Result(null, "HTTP " + response.statusCode());
				}
				Path file = folder.resolve(fetched.size() + ".img");
				long size = 0;
				try (OutputStream out = Files.newOutputStream(file)) {
					byte[] buffer = new byte[65_536];
					for (int n; (n = body.read(buffer)) > 0;) {
						size += n;
						if (size > MAX_BYTES) {
							return new Result(null, "larger than " + MAX_BYTES / 1024 / 1024 + " MB");
						}
						out.write(buffer, 0, n);
					}
				}
				return new Result(file, null);
			}
		}
		catch (IOException | IllegalArgumentException ex) {
			return new Result(null, ex.getClass().getSimpleName()
					+ (ex.getMessage() == null ? "" : ": " + ex.getMessage().replaceAll("\\s+", " ")));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result(null, "interrupted");
		}
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
