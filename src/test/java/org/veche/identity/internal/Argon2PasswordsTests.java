package org.veche.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.Arrays;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import org.junit.jupiter.api.Test;

class Argon2PasswordsTests {

	/**
	 * Written by Spring Security's Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()
	 * (Bouncy Castle).
	 */
	private static final String STORED_BY_SPRING = "$argon2id$v=19$m=16384,t=2,p=1$8cY5Y7WdN38vGe7qPbEo6Q$cetBO1zHrf9unQa36MPMmfAzbztKzGjEcUH1+key/mQ";

	private final Argon2Passwords passwords = new Argon2Passwords();

	@Test
	void aHashSpringSecurityStoredStillVerifies() {
		assertThat(passwords.matches("correct horse battery staple", STORED_BY_SPRING)).isTrue();
		assertThat(passwords.matches("correct horse battery stapler", STORED_BY_SPRING)).isFalse();
	}

	@Test
	void newHashesHaveSpringSecuritysFormatAndParametersAndAFreshSalt() {
		String first = passwords.encode("пароль на кириллице");
		String second = passwords.encode("пароль на кириллице");

		assertThat(first).startsWith("$argon2id$v=19$m=16384,t=2,p=1$").matches("(\\$[^$]+){5}");
		assertThat(first).isNotEqualTo(second);
		assertThat(passwords.matches("пароль на кириллице", first)).isTrue();
		assertThat(passwords.matches("пароль на кириллицe", first)).as("Latin e").isFalse();
	}

	@Test
	void theFunctionKeepsNoCopyOfItsWholeMemoryAndStillHashesTheSame() throws ReflectiveOperationException {
		String hashed = passwords.encode("correct horse battery staple");

		Field template = Argon2Function.class.getDeclaredField("initialBlockMemory");
		template.setAccessible(true);
		for (Argon2Function function : new Argon2Function[] {
				Argon2Function.getInstance(1 << 14, 2, 1, 32, Argon2.ID, Argon2Function.ARGON2_VERSION_13),
				Argon2Function.getInstanceFromHash(STORED_BY_SPRING) }) {
			long[][] rows = (long[][]) template.get(function);
			assertThat(rows.length).isEqualTo(16384);
			// one block of zeros shared by every row, not 16 MB of them
			assertThat(Arrays.stream(rows).distinct()).hasSize(1);
			assertThat(rows[0]).hasSize(128).containsOnly(0L);
		}
		assertThat(passwords.matches("correct horse battery staple", hashed)).isTrue();
		assertThat(passwords.matches("correct horse battery staple", STORED_BY_SPRING)).isTrue();
		assertThat(passwords.matches("correct horse battery stapler", STORED_BY_SPRING)).isFalse();
	}

	@Test
	void somethingThatIsNoArgon2HashMatchesNothing() {
		assertThat(passwords.matches("x", "")).isFalse();
		assertThat(passwords.matches("x", "{noop}x")).isFalse();
		assertThat(passwords.matches("x", "$argon2id$v=19$m=16384,t=2,p=1$broken")).isFalse();
		assertThat(passwords.matches("x", null)).isFalse();
	}

}
