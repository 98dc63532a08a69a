package org.veche.feed.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Conditional GET for documents that aggregators and crawlers poll: a strong ETag from
 * the bytes, and a Last-Modified that is the moment this node first served these bytes
 * for this address (an edited article changes a feed without any item's date changing, so
 * the newest item's date would be wrong). Spring answers If-None-Match and
 * If-Modified-Since with 304 itself from a ResponseEntity that carries both headers.
 */
@Component
class Conditional {

	private record Stamp(String etag, long since) {
	}

	private final Cache<String, Stamp> served = Caffeine.newBuilder()
		.maximumSize(20_000)
		.expireAfterAccess(Duration.ofDays(7))
		.build();

	private final Clock clock;

	Conditional(Clock clock) {
		this.clock = clock;
	}

	ResponseEntity<byte[]> respond(String key, byte[] body, String mediaType) {
		String etag = "\"" + digest(body) + "\"";
		// Last-Modified has whole seconds; an older second than the truth would let a
		// client miss a change
		long now = clock.millis() / 1000 * 1000;
		Stamp stamp = served.asMap()
			.compute(key, (k, old) -> old != null && old.etag().equals(etag) ? old : new Stamp(etag, now));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(mediaType + ";charset=UTF-8"))
			.eTag(etag)
			.lastModified(stamp.since())
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.varyBy("Accept-Language", "Cookie")
			.body(body);
	}

	private static String digest(byte[] body) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
