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

		// a stored hash with other parameters is checked with a function of its own,
		// which Password4j makes (whole) on the first check
		Argon2Function other = Argon2Function.getInstance(1 << 12, 3, 1, 32, Argon2.ID,
				Argon2Function.ARGON2_VERSION_13);
		String storedWithOthers = other.hash("correct horse battery staple", "saltsaltsaltsalt").getResult();
		assertThat(passwords.matches("correct horse battery staple", storedWithOthers)).isTrue();
		assertThat(passwords.matches("correct horse battery stapler", storedWithOthers)).isFalse();

		Field template = Argon2Function.class.getDeclaredField("initialBlockMemory");
		template.setAccessible(true);
		var functions = new Argon2Function[] {
				Argon2Function.getInstance(1 << 14, 2, 1, 32, Argon2.ID, Argon2Function.ARGON2_VERSION_13), other };
		for (Argon2Function function : functions) {
			long[][] rows = (long[][]) template.get(function);
			assertThat(rows.length).isEqualTo(function.getMemory());
			// one block of zeros shared by every row, not a megabyte per 1,024 of them
			assertThat(Arrays.stream(rows).distinct()).hasSize(1);
			assertThat(rows[0]).hasSize(128).containsOnly(0L);
		}
		assertThat(passwords.matches("correct horse battery staple", hashed)).isTrue();
		assertThat(passwords.matches("correct horse battery staple", STORED_BY_SPRING)).isTrue();
		assertThat(passwords.matches("correct horse battery stapler", STORED_BY_SPRING)).isFalse();
		assertThat(other.hash("correct horse battery staple", "saltsaltsaltsalt").getResult())
			.as("the same hash after the template was shared")
			.isEqualTo(storedWithOthers);
	}

	@Test
	void somethingThatIsNoArgon2HashMatchesNothing() {
		assertThat(passwords.matches("x", "")).isFalse();
		assertThat(passwords.matches("x", "{noop}x")).isFalse();
		assertThat(passwords.matches("x", "$argon2id$v=19$m=16384,t=2,p=1$broken")).isFalse();
		assertThat(passwords.matches("x", null)).isFalse();
	}

}
