package org.veche.live.internal;

import java.io.IOException;
import java.util.Set;

import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open page: its event stream and the language its fragments are rendered in. It
 * holds no buffer and no thread of its own; a write goes straight to the connection's
 * socket buffer.
 */
public final class Subscriber {

	private final SseEmitter emitter;

	private final String language;

	private volatile boolean gone;

	public Subscriber(SseEmitter emitter, String language) {
		this.emitter = emitter;
		this.language = language;
	}

	String language() {
		return language;
	}

	boolean isGone() {
		return gone;
	}

	void leave() {
		gone = true;
	}

	/**
	 * Ends the stream; the browser reconnects (to another node, or to this one once it is
	 * back).
	 */
	void close() {
		gone = true;
		try {
			emitter.complete();
		}
		catch (RuntimeException ex) {
			// the connection was already gone
		}
	}

	/** False when the reader has gone; the caller forgets this subscriber then. */
	boolean send(Set<DataWithMediaType> frame) {
		if (gone) {
			return false;
		}
		try {
			emitter.send(frame);
			return true;
		}
		catch (IOException | RuntimeException ex) {
			// The reader closed the page or the network dropped. The container ends the
			// request and tells the emitter (onError); completing it here would write to
			// a connection Tomcat may already have recycled.
			gone = true;
			return false;
		}
	}

}
