package org.veche.importer.internal;

import org.veche.site.PublicAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * How an import fetches the images of an export: only from public addresses (see
 * {@link PublicAddresses}), following a few redirects, each checked again, with a limit
 * on size and on the time one image may take. One HTTP client for the site; each import
 * gets its own {@link ImageFetcher} with its own temporary folder.
 */
@Component
class ImageFetching implements DisposableBean {

	/**
	 * Built by the first import that fetches images (most runs of the site import
	 * nothing); guarded by this.
	 */
	private CloseableHttpClient client;

	private final PublicAddresses addresses;

	private final long maxBytes;

	private final Duration timeout;

	private final int maxRedirects;

	ImageFetching(@Value("${veche.importer.image-max-size:25MB}") DataSize maxSize,
			@Value("${veche.importer.image-timeout:60s}") Duration timeout,
			@Value("${veche.importer.image-max-redirects:5}") int maxRedirects,
			@Value("${veche.importer.image-exempt-addresses:}") List<String> exempt) {
		this.addresses = new PublicAddresses(literal(exempt));
		this.maxBytes = maxSize.toBytes();
		this.timeout = timeout;
		this.maxRedirects = maxRedirects;
	}

	private CloseableHttpClient newClient() {
		Timeout step = Timeout.of(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10));
		return HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(addresses)
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(step).setSocketTimeout(Timeout.of(timeout)).build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(timeout)).build())
			// redirects are followed by ImageFetcher, one checked step at a time
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableAuthCaching()
			.setUserAgent("Veche import")
			.build();
	}

	private static Set<InetAddress> literal(List<String> exempt) {
		var set = new HashSet<InetAddress>();
		for (String address : exempt) {
			if (!address.isBlank()) {
				try {
					set.add(PublicAddresses.literal(address));
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException(
							"veche.importer.image-exempt-addresses takes IP addresses, not " + address, ex);
				}
			}
		}
		return set;
	}

	ImageFetcher open() {
		return new ImageFetcher(this);
	}

	synchronized CloseableHttpClient client() {
		if (client == null) {
			client = newClient();
		}
		return client;
	}

	/**
	 * Resolves and checks the host before a request is sent, so a refused address gets a
	 * clear reason.
	 */
	void check(String host) throws UnknownHostException {
		addresses.resolve(host);
	}

	long maxBytes() {
		return maxBytes;
	}

	Duration timeout() {
		return timeout;
	}

	int maxRedirects() {
		return maxRedirects;
	}

	@Override
	public synchronized void destroy() throws Exception {
		if (client != null) {
			client.close();
		}
	}

}
