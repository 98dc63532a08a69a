package org.veche.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.veche.privacy.AddressHasher;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Slows password guessing: after too many failed sign-ins for one e-mail, or from one network address, in a
 * sliding window, every further attempt is refused before the password is looked at, right or wrong. Counted
 * in memory only (a restart forgives), and by address hash, so no plain address is kept.
 */
@Component
public class LoginThrottle {

	private final Cache<String, Deque<Long>> failures;

	private final Clock clock;

	private final UnaryOperator<String> addressHash;

	private final int perEmail;

	private final int perAddress;

	private final Duration window;

	@org.springframework.beans.factory.annotation.Autowired
	LoginThrottle(Clock clock, AddressHasher addresses,
			@Value("${veche.identity.sign-in-failures-per-email:5}") int perEmail,
			@Value("${veche.identity.sign-in-failures-per-address:20}") int perAddress,
			@Value("${veche.identity.sign-in-window:15m}") Duration window) {
		this(clock, addresses::hash, perEmail, perAddress, window);
	}

	LoginThrottle(Clock clock, UnaryOperator<String> addressHash, int perEmail, int perAddress, Duration window) {
		this.clock = clock;
		this.addressHash = addressHash;
		this.perEmail = perEmail;
		this.perAddress = perAddress;
		this.window = window;
		this.failures = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
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

	/** A right password forgives the e-mail's earlier failures; the address keeps its count. */
	public void succeeded(String email) {
		failures.invalidate(emailKey(email));
	}

	/** Whole minutes to tell the reader, never "0 minutes". */
	public static long minutes(Duration wait) {
		return Math.max(1, (wait.toSeconds() + 59) / 60);
	}

	private void record(String key, long now) {
		failures.asMap().compute(key, (k, times) -> {
			Deque<Long> kept = times == null ? new ArrayDeque<>() : times;
			synchronized (kept) {
				prune(kept, now);
				kept.addLast(now);
			}
			return kept;
		});
	}

	private long waitFor(String key, int limit, long now) {
		Deque<Long> times = failures.getIfPresent(key);
		if (times == null) {
			return 0;
		}
		synchronized (times) {
			prune(times, now);
			if (times.size() < limit) {
				return 0;
			}
			// the attempt is allowed again when enough of the failures have left the window
			var ordered = times.toArray(Long[]::new);
			return ordered[times.size() - limit] + window.toMillis() - now;
		}
	}

	private void prune(Deque<Long> times, long now) {
		while (!times.isEmpty() && times.peekFirst() <= now - window.toMillis()) {
			times.pollFirst();
		}
	}

	private static String emailKey(String email) {
		return "e:" + (email == null ? "" : Accounts.normalizeEmail(email));
	}

	private String addressKey(String address) {
		return "a:" + addressHash.apply(address == null ? "" : address);
	}

}
