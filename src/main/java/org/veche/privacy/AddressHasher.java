package org.veche.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;
import org.veche.site.SiteSettings;

/**
 * Turns a reader's network address into a keyed hash that is enough for flood limits and
 * per-address like limits, and is never stored in the clear. The key for each day is
 * derived from a site secret, so a hash can be matched only against the same day's
 * traffic, and the secret never leaves the database.
 */
@Component
public class AddressHasher {

	private final byte[] secret;

	private final Clock clock;

	/**
	 * The day's keyed function, ready: each hash works on a copy of it, which costs less
	 * than looking the algorithm up and keying it again (a comment post hashes one or two
	 * addresses).
	 */
	private record DayKey(LocalDate day, Mac keyed) {
	}

	private volatile DayKey dayKey;

	AddressHasher(SiteSettings settings, Clock clock) {
		this.clock = clock;
		this.secret = Base64.getDecoder().decode(settings.getOrCreate("privacy.address-secret", () -> {
			byte[] bytes = new byte[32];
			new SecureRandom().nextBytes(bytes);
			return Base64.getEncoder().encodeToString(bytes);
		}));
	}

	public String hash(String address) {
		if (address == null) {
			return null;
		}
		LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		DayKey key = dayKey;
		if (key == null || !key.day().equals(day)) {
			// derived once a day rather than for every address
			key = new DayKey(day, keyed(keyed(secret).doFinal(day.toString().getBytes(StandardCharsets.US_ASCII))));
			dayKey = key;
		}
		return HexFormat.of().formatHex(copy(key.keyed()).doFinal(address.getBytes(StandardCharsets.UTF_8)), 0, 16);
	}

	private static Mac keyed(byte[] key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac;
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Mac copy(Mac keyed) {
		try {
			return (Mac) keyed.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
