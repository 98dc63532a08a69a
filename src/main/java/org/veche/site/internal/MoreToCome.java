package org.veche.site.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Linux's {@code send(..., MSG_MORE)}: bytes that the kernel holds back until the next
 * send on the socket, so that a response's headers leave in one packet with the start of
 * its body (what nginx gets from {@code tcp_nopush}). The JDK cannot send with flags, so
 * libc's {@code send} is called through the foreign function API. That API is final only
 * from Java 22 while Veche's language level is 21, hence the reflection, done once here;
 * a socket's descriptor comes from the JDK's {@code sun.nio.ch}, which the jar's manifest
 * exports (Add-Exports). Where any of this is missing (another system, an older JDK, a
 * start without the export) {@link #available()} is false and the connector writes as
 * Tomcat always did.
 */
final class MoreToCome {

	private static final Logger log = LoggerFactory.getLogger(MoreToCome.class);

	private static final int MSG_MORE = 0x8000;

	/** A peer that has gone gets an error, not the process a SIGPIPE. */
	private static final int MSG_NOSIGNAL = 0x4000;

	/**
	 * (int fd, MemorySegment bytes, long length, int flags)long, the segment as an
	 * Object.
	 */
	private static final MethodHandle SEND;

	/** MemorySegment.ofBuffer(Buffer): the buffer's bytes from position to limit. */
	private static final MethodHandle SEGMENT;

	/** SocketChannel to its file descriptor. */
	private static final MethodHandle DESCRIPTOR;

	static {
		MethodHandle send = null;
		MethodHandle segment = null;
		MethodHandle descriptor = null;
		if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
			try {
				Class<?> linkerType = Class.forName("java.lang.foreign.Linker");
				Class<?> layoutType = Class.forName("java.lang.foreign.MemoryLayout");
				Class<?> valueLayoutType = Class.forName("java.lang.foreign.ValueLayout");
				Class<?> segmentType = Class.forName("java.lang.foreign.MemorySegment");
				Class<?> functionType = Class.forName("java.lang.foreign.FunctionDescriptor");
				Class<?> optionType = Class.forName("java.lang.foreign.Linker$Option");
				Object javaInt = valueLayoutType.getField("JAVA_INT").get(null);
				Object javaLong = valueLayoutType.getField("JAVA_LONG").get(null);
				Object address = valueLayoutType.getField("ADDRESS").get(null);
				Object arguments = Array.newInstance(layoutType, 4);
				Array.set(arguments, 0, javaInt);
				Array.set(arguments, 1, address);
				Array.set(arguments, 2, javaLong);
				Array.set(arguments, 3, javaInt);
				Object function = functionType.getMethod("of", layoutType, layoutType.arrayType())
					.invoke(null, javaLong, arguments);
				// a critical call may read Tomcat's buffer on the Java heap where it
				// is: a non-blocking send returns at once
				Object options = Array.newInstance(optionType, 1);
				Array.set(options, 0, optionType.getMethod("critical", boolean.class).invoke(null, true));
				Object linker = linkerType.getMethod("nativeLinker").invoke(null);
				Object libc = linkerType.getMethod("defaultLookup").invoke(linker);
				Object symbol = ((Optional<?>) Class.forName("java.lang.foreign.SymbolLookup")
					.getMethod("find", String.class)
					.invoke(libc, "send")).orElseThrow();
				send = ((MethodHandle) linkerType
					.getMethod("downcallHandle", segmentType, functionType, optionType.arrayType())
					.invoke(linker, symbol, function, options))
					.asType(MethodType.methodType(long.class, int.class, Object.class, long.class, int.class));
				segment = MethodHandles.publicLookup()
					.unreflect(segmentType.getMethod("ofBuffer", Buffer.class))
					.asType(MethodType.methodType(Object.class, ByteBuffer.class));
				// exported to this (unnamed) module only: not through the public lookup
				descriptor = MethodHandles.lookup()
					.unreflect(Class.forName("sun.nio.ch.SelChImpl").getMethod("getFDVal"))
					.asType(MethodType.methodType(int.class, SocketChannel.class));
			}
			catch (Throwable ex) {
				log.info("Responses are sent without MSG_MORE (their headers in a packet of their own): {}",
						ex.toString());
				send = null;
			}
		}
		SEND = send;
		SEGMENT = send == null ? null : segment;
		DESCRIPTOR = send == null ? null : descriptor;
	}

	private MoreToCome() {
	}

	/** Whether sending with MSG_MORE works here. */
	static boolean available() {
		return SEND != null;
	}

	/** The channel's file descriptor, or -1 where this is off or the channel has none. */
	static int descriptor(SocketChannel channel) {
		if (DESCRIPTOR == null) {
			return -1;
		}
		try {
			return (int) DESCRIPTOR.invokeExact(channel);
		}
		catch (Throwable ex) {
			return -1;
		}
	}

	/**
	 * Sends the buffer's remaining bytes, telling the kernel that more follows, and moves
	 * its position past what went. Returns how many bytes went, or -1 when none did (a
	 * full socket buffer, a closed socket): the caller then writes them the ordinary way,
	 * which says what the matter was.
	 */
	static int send(int descriptor, ByteBuffer bytes) {
		if (SEND == null || descriptor < 0 || !bytes.hasRemaining()) {
			return -1;
		}
		try {
			Object segment = (Object) SEGMENT.invokeExact(bytes);
			long sent = (long) SEND.invokeExact(descriptor, segment, (long) bytes.remaining(), MSG_MORE | MSG_NOSIGNAL);
			if (sent <= 0) {
				return -1;
			}
			bytes.position(bytes.position() + (int) sent);
			return (int) sent;
		}
		catch (Throwable ex) {
			return -1;
		}
	}

}
