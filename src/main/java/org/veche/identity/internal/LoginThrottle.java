package org.veche.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.veche.privacy.AddressHasher;

/**
 * Slows password guessing: after too many failed sign-ins for one e-mail, or from one
 * network address, in a sliding window, every further attempt is refused before the
 * password is looked at, right or wrong. Counted in the database
 * ({@link SignInFailures}), so that a guesser whom a load balancer spreads over several
 * nodes meets one limit, and by address hash, so no plain address is kept.
 */
@Component
public class LoginThrottle {

	private final SignInFailures failures;

	private final java.util.concurrent.atomic.AtomicLong recorded = new java.util.concurrent.atomic.AtomicLong();

	private final Clock clock;

	private final UnaryOperator<String> addressHash;

	private final int perEmail;

	private final int perAddress;

	private final Duration window;

	@org.springframework.beans.factory.annotation.Autowired
	LoginThrottle(Clock clock, AddressHasher addresses, SignInFailures failures,
			@Value("${veche.identity.sign-in-failures-per-email:5}") int perEmail,
			@Value("${veche.identity.sign-in-failures-per-address:20}") int perAddress,
			@Value("${veche.identity.sign-in-window:15m}") Duration window) {
		this(clock, addresses::hash, failures, perEmail, perAddress, window);
	}

	LoginThrottle(Clock clock, UnaryOperator<String> addressHash, SignInFailures failures, int perEmail, int perAddress,
			Duration window) {
		this.clock = clock;
		this.addressHash = addressHash;
		this.failures = failures;
		this.perEmail = perEmail;
		this.perAddress = perAddress;
		this.window = window;
	}

	/** How long until the next attempt is allowed, when it is not allowed now. */
	public Optional<Duration> blocked(String email, String address) {
		long now = clock.millis();
		long wait = Math.max(waitFor(emailKey(email), perEmail, now), waitFor(addressKey(address), perAddress, now));
		return wait > 0 ? Optional.of(Duration.ofMillis(wait)) : Optional.empty();
	}

	public void failed(String email, String address) {
		long now = clock.millis();
		record(emailKey(email), now);
		record(addressKey(address), now);
	}

	/**
	 * A right password forgives the e-mail's earlier failures; the address keeps its
	 * count.
	 */
	public void succeeded(String email) {
		failures.forget(emailKey(email));
	}

	/** Whole minutes to tell the reader, never "0 minutes". */
	public static long minutes(Duration wait) {
		return Math.max(1, (wait.toSeconds() + 59) / 60);
	}

	private void record(String key, long now) {
		// what has left the window goes with the next failure of the same key: the table
		// holds only live counts
		failures.forgetBefore(key, now - window.toMillis());
		if (recorded.incrementAndGet() % 256 == 0) {
			failures.forgetAllBefore(now - window.toMillis());
		}
		failures.add(key, now);
	}

	private long waitFor(String key, int limit, long now) {
		List<Long> newest = failures.newest(key, now - window.toMillis(), limit);
		if (newest.size() < limit) {
			return 0;
		}
		// the attempt is allowed again when the oldest of the last `limit` failures has
		// left the window
		return newest.get(limit - 1) + window.toMillis() - now;
	}

	private static String emailKey(String email) {
		return "e:" + (email == null ? "" : Accounts.normalizeEmail(email));
	}

	private String addressKey(String address) {
		return "a:" + addressHash.apply(address == null ? "" : address);
	}

}
