package org.veche.site.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.LongAdder;

import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.NioEndpoint;
import org.apache.tomcat.util.net.SocketBufferHandler;

/**
 * A plain (not TLS) connection that sends the headers of a sendfile response with
 * {@link MoreToCome MSG_MORE}: Tomcat writes the headers, then hands the file to the
 * kernel, and without the flag the headers leave alone, a packet and a wake-up of the
 * reader's own. The kernel holds them only until the file's first bytes follow.
 */
final class HeldHeadersChannel extends NioChannel {

	private static final LongAdder HELD_HEADERS = new LongAdder();

	/**
	 * Set by {@link GuestPages} when it hands a file to the connector: Tomcat writes that
	 * response's headers on the same worker thread once the filters return, and keeps no
	 * link from the connection to the request while it does (its processor is detached
	 * from the socket until the request ends).
	 */
	private static final ThreadLocal<Boolean> FILE_FOLLOWS = new ThreadLocal<>();

	private int descriptor = -1;

	HeldHeadersChannel(SocketBufferHandler buffers) {
		super(buffers);
	}

	/** The response this thread is making sends a file after its headers. */
	static void fileFollows() {
		FILE_FOLLOWS.set(Boolean.TRUE);
	}

	/**
	 * How many responses had their headers held for their file since start (for the
	 * tests).
	 */
	static long heldHeaders() {
		return HELD_HEADERS.sum();
	}

	@Override
	public void reset(SocketChannel channel, NioEndpoint.NioSocketWrapper wrapper) throws IOException {
		super.reset(channel, wrapper);
		// channels are pooled: this may be another connection than the last one
		descriptor = MoreToCome.descriptor(channel);
	}

	@Override
	public int write(ByteBuffer source) throws IOException {
		if (headersBeforeAFile(source)) {
			int sent = MoreToCome.send(descriptor, source);
			if (sent > 0) {
				HELD_HEADERS.increment();
				return sent;
			}
		}
		return super.write(source);
	}

	/**
	 * Whether these bytes are the headers of a response whose file follows: the thread
	 * said so, and they end where headers end. The thread's word is taken once.
	 */
	private boolean headersBeforeAFile(ByteBuffer source) {
		if (FILE_FOLLOWS.get() == null) {
			return false;
		}
		FILE_FOLLOWS.remove();
		int end = source.limit();
		// a closed channel's descriptor may already be another connection's
		return descriptor >= 0 && sc.isOpen() && end - source.position() >= 4 && source.get(end - 4) == '\r'
				&& source.get(end - 3) == '\n' && source.get(end - 2) == '\r' && source.get(end - 1) == '\n';
	}

}
