package org.veche.live.web;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.veche.live.internal.Broadcasters;
import org.veche.publishing.ArticleCatalogue;

/**
 * An open article's event stream. It is public and the same for every reader of a
 * language: it reads no session and makes none. The request's thread goes back to the
 * container as soon as the stream is set up; Tomcat then keeps the idle connection in its
 * poller, with no thread waiting on it.
 */
@Controller
class LiveStreamController {

	/**
	 * Each stream ends now and then; the browser reconnects with Last-Event-ID and misses
	 * nothing.
	 */
	static final Duration STREAM_LIFETIME = Duration.ofMinutes(15);

	private final Broadcasters broadcasters;

	private final ArticleCatalogue catalogue;

	LiveStreamController(Broadcasters broadcasters, ArticleCatalogue catalogue) {
		this.broadcasters = broadcasters;
		this.catalogue = catalogue;
	}

	@GetMapping(value = "/live/articles/{id}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter stream(@PathVariable long id, @RequestParam(required = false) String since,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, HttpServletRequest request,
			HttpServletResponse response) {
		if (catalogue.visibleAmong(List.of(id)).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		response.setHeader("Cache-Control", "no-store");
		// a reverse proxy (nginx) would otherwise hold events back to fill its buffer
		response.setHeader("X-Accel-Buffering", "no");
		var emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
		// the browser's Last-Event-ID (a reconnect) is newer than the position the page
		// was rendered at
		String from = lastEventId != null && !lastEventId.isBlank() ? lastEventId : since;
		broadcasters.join(id, emitter, RequestContextUtils.getLocale(request).getLanguage(), from);
		return emitter;
	}

}
