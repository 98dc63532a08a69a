package org.veche.importer.internal;

import org.veche.site.PublicAddresses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import com.sun.net.httpserver.HttpServer;

/**
 * The importer's image fetching never reaches a private address, whether named at first
 * or after a redirect, follows only a few redirects, and stops a body that is too large
 * or too slow. Two servers on loopback: one on 127.0.0.1, exempted as the owner of an
 * intranet image host would, and an "internal service" on 127.0.0.2, which must never see
 * a request.
 */
class ImageFetcherTests {

	private HttpServer trusted;

	private HttpServer internal;

	private final List<String> internalRequests = new CopyOnWriteArrayList<>();

	private ImageFetching fetching;

	@BeforeEach
	void servers() throws IOException {
		trusted = HttpServer.create(new InetSocketAddress(PublicAddresses.literal("127.0.0.1"), 0), 0);
		internal = HttpServer.create(new InetSocketAddress(PublicAddresses.literal("127.0.0.2"), 0), 0);
		internal.createContext("/", exchange -> {
			internalRequests.add(exchange.getRequestURI().toString());
			exchange.sendResponseHeaders(200, 2);
			exchange.getResponseBody().write("ok".getBytes());
			exchange.close();
		});
		trusted.createContext("/small", exchange -> {
			exchange.sendResponseHeaders(200, 3);
			exchange.getResponseBody().write(new byte[] { 1, 2, 3 });
			exchange.close();
		});
		trusted.createContext("/to-internal", exchange -> {
			exchange.getResponseHeaders().add("Location", internalUrl("/secret"));
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		trusted.createContext("/loop", exchange -> {
			exchange.getResponseHeaders().add("Location", "/loop");
			exchange.sendResponseHeaders(301, -1);
			exchange.close();
		});
		trusted.createContext("/hop", exchange -> {
			exchange.getResponseHeaders().add("Location", "/small");
			exchange.sendResponseHeaders(307, -1);
			exchange.close();
		});
		trusted.createContext("/huge", exchange -> {
			exchange.sendResponseHeaders(200, 0); // chunked, no length said
			try (OutputStream out = exchange.getResponseBody()) {
				byte[] chunk = new byte[64 * 1024];
				for (int i = 0; i < 1024; i++) { // 64 MB if nobody stops reading
					out.write(chunk);
				}
			}
			catch (IOException ex) {
				// the fetcher hung up, as it should
			}
		});
		trusted.createContext("/said-huge", exchange -> {
			exchange.sendResponseHeaders(200, 1 << 20);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(new byte[1 << 20]);
			}
			catch (IOException ex) {
				// the fetcher hung up after reading the length, as it should
			}
		});
		trusted.createContext("/slow", exchange -> {
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				for (int i = 0; i < 100; i++) {
					out.write(new byte[] { 1 });
					out.flush();
					Thread.sleep(100);
				}
			}
			catch (IOException | InterruptedException ex) {
				// the fetcher hung up, as it should
			}
		});
		trusted.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
		trusted.start();
		internal.start();
		fetching = new ImageFetching(DataSize.ofKilobytes(256), Duration.ofSeconds(2), 3, List.of("127.0.0.1"));
	}

	@AfterEach
	void stop() throws Exception {
		trusted.stop(0);
		internal.stop(0);
		fetching.destroy();
	}

	private String trustedUrl(String path) {
		return "http://127.0.0.1:" + trusted.getAddress().getPort() + path;
	}

	private String internalUrl(String path) {
		return "http://127.0.0.2:" + internal.getAddress().getPort() + path;
	}

	private ImageFetcher.Result fetch(String url) {
		try (ImageFetcher fetcher = fetching.open()) {
			return fetcher.fetch(url);
		}
	}

	@Test
	void anExemptAddressIsFetched() {
		assertThat(fetch(trustedUrl("/small")).failure()).isNull();
		assertThat(fetch(trustedUrl("/hop")).failure()).as("one redirect").isNull();
	}

	@Test
	void aPrivateAddressIsNeverAsked() {
		var result = fetch(internalUrl("/secret"));
		assertThat(result.ok()).isFalse();
		assertThat(result.failure()).contains("not a public address");
		assertThat(internalRequests).isEmpty();
	}

	@Test
	void aRedirectToAPrivateAddressIsCheckedAgainAndRefused() {
		var result = fetch(trustedUrl("/to-internal"));
		assertThat(result.ok()).isFalse();
		assertThat(result.failure()).contains("not a public address");
		assertThat(internalRequests).isEmpty();
	}

	@Test
	void theCloudMetadataServiceAndOtherInternalNamesAreRefused() {
		for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/a.jpg",
				"http://192.168.1.1/a.jpg", "http://[::1]/a.jpg", "http://0.0.0.0/a.jpg", "http://localhost/a.jpg",
				"http://[::ffff:127.0.0.2]/a.jpg", "http://100.64.0.1/a.jpg", "http://224.0.0.1/a.jpg",
				"http://[fd00::1]/a.jpg", "http://[fe80::1]/a.jpg", "http://2130706434/a.jpg")) {
			var result = fetch(url);
			assertThat(result.ok()).as(url).isFalse();
		}
		assertThat(fetch("file:///etc/passwd").failure()).isEqualTo("not an http(s) address");
	}

	@Test
	void redirectsAreLimited() {
		assertThat(fetch(trustedUrl("/loop")).failure()).isEqualTo("more than 3 redirects");
	}

	@Test
	void aBodyLargerThanTheLimitIsStopped() {
		assertThat(fetch(trustedUrl("/huge")).failure()).startsWith("larger than");
		assertThat(fetch(trustedUrl("/said-huge")).failure()).startsWith("larger than");
	}

	@Test
	void aBodyThatDripsIsStoppedAtTheTimeLimit() {
		long start = System.nanoTime();
		var result = fetch(trustedUrl("/slow"));
		assertThat(result.ok()).isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
	}

	@Test
	void publicAddressesAreTold() throws Exception {
		for (String address : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.0.1", "169.254.169.254",
				"0.0.0.0", "100.64.1.1", "255.255.255.255", "::1", "::", "fc00::1", "fe80::1", "::ffff:10.0.0.1",
				"64:ff9b::a00:1", "ff02::1")) {
			assertThat(PublicAddresses.isPublic(PublicAddresses.literal(address))).as(address).isFalse();
		}
		for (String address : List.of("93.184.215.14", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8")) {
			assertThat(PublicAddresses.isPublic(PublicAddresses.literal(address))).as(address).isTrue();
		}
	}

}
