package org.veche.identity.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.HtmlUtils;
import org.veche.identity.Identity;

/**
 * Avatars made by the site itself, so that showing one asks no outside service about the
 * reader: the initials of the display name on a colour that the account id alone decides.
 */
@Controller
class AvatarController {

	private final Identity identity;

	AvatarController(Identity identity) {
		this.identity = identity;
	}

	@GetMapping("/avatars/{id:\\d{1,18}}.svg")
	ResponseEntity<byte[]> avatar(@PathVariable long id) {
		var account = identity.account(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		byte[] svg = svg(id, account.displayName()).getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("image/svg+xml"))
			// short: a new display name should show within minutes
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic())
			.eTag(Integer.toHexString(java.util.Arrays.hashCode(svg)))
			.body(svg);
	}

	static String svg(long id, String displayName) {
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\" width=\"64\" height=\"64\" role=\"img\">"
				+ "<rect width=\"64\" height=\"64\" rx=\"8\" fill=\"" + colour(id) + "\"/>"
				+ "<text x=\"32\" y=\"32\" dy=\".35em\" text-anchor=\"middle\" fill=\"#fff\" "
				+ "font-family=\"system-ui,sans-serif\" font-size=\"26\" font-weight=\"600\">"
				+ HtmlUtils.htmlEscape(initials(displayName)) + "</text></svg>";
	}

	/**
	 * Golden-angle steps round the hue circle keep neighbouring ids far apart; dark
	 * enough for white text.
	 */
	static String colour(long id) {
		long hue = Math.floorMod(Math.round(id * 137.508), 360);
		return "hsl(" + hue + ",55%,38%)";
	}

	/**
	 * The first letter of the first two words, as whole code points (names are not only
	 * Latin).
	 */
	static String initials(String displayName) {
		var initials = new StringBuilder();
		for (String word : displayName.strip().split("[\\s\\p{Punct}]+")) {
			if (!word.isEmpty() && initials.codePointCount(0, initials.length()) < 2) {
				int first = word.codePointAt(0);
				if (Character.isLetterOrDigit(first)) {
					initials.append(new String(Character.toChars(first)).toUpperCase(java.util.Locale.ROOT));
				}
			}
		}
		return initials.isEmpty() ? "?" : initials.toString();
	}

}
