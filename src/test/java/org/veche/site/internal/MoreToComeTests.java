package org.veche.site.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * Sending with MSG_MORE on a real loopback connection: from a heap buffer and a direct
 * one, the bytes are held back, then arrive whole and in order once the next ordinary
 * write follows, and the buffer's position moves past them; a descriptor that is no
 * socket is refused without harm.
 */
class MoreToComeTests {

	@Test
	void heldBytesArriveWithWhatFollows() throws IOException {
		assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("linux"), "MSG_MORE is Linux's");
		assertThat(MoreToCome.available()).as("the foreign function API and the socket's descriptor are reachable")
			.isTrue();
		try (var server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
				var client = SocketChannel.open(server.getLocalAddress());
				var accepted = server.accept()) {
			int descriptor = MoreToCome.descriptor(accepted);
			assertThat(descriptor).isNotNegative();
			var heap = ByteBuffer.wrap("xxHTTP/1.1 200 \r\n\r\n".getBytes(StandardCharsets.US_ASCII)).position(2);
			var direct = ByteBuffer.allocateDirect(16).put("Length: 4\r\n".getBytes(StandardCharsets.US_ASCII)).flip();

			assertThat(MoreToCome.send(descriptor, heap)).isEqualTo(17);
			assertThat(heap.hasRemaining()).isFalse();
			assertThat(MoreToCome.send(descriptor, direct)).isEqualTo(11);
			assertThat(direct.hasRemaining()).isFalse();
			// on loopback a plain send is in the peer's queue when the call returns;
			// these wait for what follows (or the kernel's 200 ms)
			client.configureBlocking(false);
			assertThat(client.read(ByteBuffer.allocate(64))).as("the kernel holds them back").isZero();
			client.configureBlocking(true);
			accepted.write(ByteBuffer.wrap("body".getBytes(StandardCharsets.US_ASCII)));

			var received = ByteBuffer.allocate(64);
			while (received.position() < 32 && client.read(received) > 0) {
				// until all of it is in
			}
			assertThat(new String(received.array(), 0, received.position(), StandardCharsets.US_ASCII))
				.isEqualTo("HTTP/1.1 200 \r\n\r\nLength: 4\r\nbody");
		}
	}

	@Test
	void aDescriptorThatIsNoSocketIsRefused() {
		var bytes = ByteBuffer.wrap(new byte[] { 1, 2, 3 });
		assertThat(MoreToCome.send(-1, bytes)).isEqualTo(-1);
		assertThat(MoreToCome.send(1_000_000, bytes)).as("no such descriptor").isEqualTo(-1);
		assertThat(bytes.position()).as("nothing was taken").isZero();
	}

}
