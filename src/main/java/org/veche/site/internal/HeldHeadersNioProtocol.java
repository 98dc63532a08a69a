package org.veche.site.internal;

import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.NioEndpoint;
import org.apache.tomcat.util.net.SocketBufferHandler;

/**
 * Tomcat's HTTP/1.1 NIO connector whose plain connections are
 * {@link HeldHeadersChannel}s: a big page's headers wait for its file and leave with it.
 * Public with a public constructor because Tomcat makes its protocol from the class name.
 */
public class HeldHeadersNioProtocol extends Http11NioProtocol {

	public HeldHeadersNioProtocol() {
		super(new Endpoint());
	}

	private static final class Endpoint extends NioEndpoint {

		@Override
		protected NioChannel createChannel(SocketBufferHandler buffers) {
			return MoreToCome.available() ? new HeldHeadersChannel(buffers) : super.createChannel(buffers);
		}

	}

}
