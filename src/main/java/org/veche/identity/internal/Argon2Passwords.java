package org.veche.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.Semaphore;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id password hashes through Password4j, with the parameters and the PHC string
 * format ({@code $argon2id$v=19$m=16384,t=2,p=1$salt$hash}) of Spring Security's
 * {@code Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()}, which wrote the hashes
 * already stored: those verify unchanged, and a stored hash is checked with the
 * parameters it names. Password4j is a 90 KB library; Spring's encoder needs Bouncy
 * Castle, 8.5 MB of the jar for this one function.
 */
final class Argon2Passwords implements PasswordEncoder {

	private static final int SALT_LENGTH = 16;

	/**
	 * Asked for at each hash, not held from the start: an Argon2 function keeps a
	 * template of its whole memory (16 MB of zeros for m=16384, copied for each hash),
	 * and Password4j keeps every function it made for the life of the process. So a site
	 * where nobody has signed in since the start does not carry those 16 MB; after the
	 * first sign-in it does (Password4j's factory is the only way to the function).
	 */
	private static Argon2Function argon2id() {
		return Argon2Function.getInstance(1 << 14, 2, 1, 32, Argon2.ID, Argon2Function.ARGON2_VERSION_13);
	}

	/*
	 * Each hash works in its own copy of the 16 MB memory: sign-ins at once from many
	 * addresses (each within its own rate limit) would otherwise take 16 MB apiece from a
	 * heap sized for pages, up to an OutOfMemoryError. A hash keeps a core busy for its
	 * whole time, so half the cores (one of two) go to hashing and the rest to pages; a
	 * hash takes some tens of milliseconds, so even one at a time checks many sign-ins a
	 * second.
	 */
	private static final Semaphore AT_ONCE = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2),
			true);

	private final SecureRandom random = new SecureRandom();

	@Override
	public String encode(CharSequence rawPassword) {
		byte[] salt = new byte[SALT_LENGTH];
		random.nextBytes(salt);
		AT_ONCE.acquireUninterruptibly();
		try {
			return argon2id().hash(bytes(rawPassword), salt).getResult();
		}
		finally {
			AT_ONCE.release();
		}
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null || !encodedPassword.startsWith("$argon2id$")) {
			return false;
		}
		AT_ONCE.acquireUninterruptibly();
		try {
			return Argon2Function.getInstanceFromHash(encodedPassword).check(rawPassword, encodedPassword);
		}
		catch (RuntimeException ex) { // a malformed hash matches nothing
			return false;
		}
		finally {
			AT_ONCE.release();
		}
	}

	private static byte[] bytes(CharSequence text) {
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

}
