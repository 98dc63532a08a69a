package org.veche.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id password hashes through Password4j, with the parameters and the PHC string format
 * ({@code $argon2id$v=19$m=16384,t=2,p=1$salt$hash}) of Spring Security's
 * {@code Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()}, which wrote the hashes already stored: those
 * verify unchanged, and a stored hash is checked with the parameters it names. Password4j is a 90 KB library;
 * Spring's encoder needs Bouncy Castle, 8.5 MB of the jar for this one function.
 */
final class Argon2Passwords implements PasswordEncoder {

	private static final int SALT_LENGTH = 16;

	private static final Argon2Function ARGON2ID = Argon2Function.getInstance(1 << 14, 2, 1, 32, Argon2.ID,
			Argon2Function.ARGON2_VERSION_13);

	private final SecureRandom random = new SecureRandom();

	@Override
	public String encode(CharSequence rawPassword) {
		byte[] salt = new byte[SALT_LENGTH];
		random.nextBytes(salt);
		return ARGON2ID.hash(bytes(rawPassword), salt).getResult();
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null || !encodedPassword.startsWith("$argon2id$")) {
			return false;
		}
		try {
			return Argon2Function.getInstanceFromHash(encodedPassword).check(rawPassword, encodedPassword);
		}
		catch (RuntimeException ex) { // a malformed hash matches nothing
			return false;
		}
	}

	private static byte[] bytes(CharSequence text) {
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

}
