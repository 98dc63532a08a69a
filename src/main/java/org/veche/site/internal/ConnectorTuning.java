package org.veche.site.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat writes a response to the socket in pieces no larger than its per-connection
 * write buffer (8 KB by default): the first page of a long thread (half a megabyte) took
 * some seventy system calls. With 32 KB it takes a quarter of them, for 24 KB more memory
 * per open connection. Big kept pages go out with sendfile, their headers in the same
 * packet as the file's start ({@link HeldHeadersNioProtocol}) unless
 * {@code veche.connector.headers-with-file=false}.
 */
@Configuration(proxyBeanMethods = false)
class ConnectorTuning {

	static final int WRITE_BUFFER_BYTES = 32 * 1024;

	@Bean
	TomcatConnectorCustomizer socketWriteBuffer() {
		return connector -> connector.setProperty("socket.appWriteBufSize", String.valueOf(WRITE_BUFFER_BYTES));
	}

	@Bean
	@ConditionalOnProperty(name = "veche.connector.headers-with-file", havingValue = "true", matchIfMissing = true)
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> headersWithTheFile() {
		return factory -> factory.setProtocol(HeldHeadersNioProtocol.class.getName());
	}

}
