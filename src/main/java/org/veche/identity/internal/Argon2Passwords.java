package org.veche.identity.internal;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
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

	/** The template's field, or null where this Password4j has none. */
	private static final Field TEMPLATE = templateField();

	private static Field templateField() {
		try {
			Field field = Argon2Function.class.getDeclaredField("initialBlockMemory");
			if (field.getType() != long[][].class) {
				return null;
			}
			field.setAccessible(true);
			return field;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

	private static Argon2Function argon2id() {
		return slim(Argon2Function.getInstance(1 << 14, 2, 1, 32, Argon2.ID, Argon2Function.ARGON2_VERSION_13));
	}

	/**
	 * Password4j's Argon2 function keeps a template of its whole memory, 16,384 blocks of
	 * zeros for m=16384, which it only ever copies into a fresh array for each hash; and
	 * it keeps every function it made for the life of the process (its factory is the
	 * only way to one). So the first sign-in left 16 MB in the heap for good: a third of
	 * the live heap of a small server, which the collector then had to carry and copy.
	 * Each row of the template is pointed at one shared block of zeros instead: what each
	 * hash copies is the same zeros, and the template holds 64 KB. Should a later
	 * Password4j keep the template otherwise, the function is used as it is.
	 */
	private static Argon2Function slim(Argon2Function function) {
		if (TEMPLATE != null) {
			try {
				if (TEMPLATE.get(function) instanceof long[][] rows && rows.length > 1 && rows[0] != rows[1]) {
					long[] zeros = new long[rows[0].length];
					Arrays.fill(rows, zeros);
				}
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				// the template stays as it is: more memory, the same hashes
			}
		}
		return function;
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
			return slim(Argon2Function.getInstanceFromHash(encodedPassword)).check(rawPassword, encodedPassword);
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
