package org.veche.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scripts other sites load stay small (under 20 kB gzip-compressed, as a server would
 * send them) and name no address at all: every request they make goes to the site they
 * were loaded from.
 */
class EmbedScriptTests {

	static final int LIMIT = 20 * 1024;

	@ParameterizedTest
	@ValueSource(strings = { "static/embed.js", "static/count.js" })
	void staysUnderTwentyKilobytesCompressed(String script) throws IOException {
		byte[] source = read(script);
		var compressed = new ByteArrayOutputStream();
		try (var gzip = new GZIPOutputStream(compressed)) {
			gzip.write(source);
		}
		System.out.printf("%s: %d bytes, %d gzip-compressed%n", script, source.length, compressed.size());
		assertThat(compressed.size()).isLessThan(LIMIT);
	}

	@ParameterizedTest
	@ValueSource(strings = { "static/embed.js", "static/count.js" })
	void namesNoOtherSite(String script) throws IOException {
		String text = new String(read(script), StandardCharsets.UTF_8);
		assertThat(Pattern.compile("(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}", Pattern.CASE_INSENSITIVE)
			.matcher(text)
			.results()
			.map(m -> m.group())
			.toList()).as("addresses in " + script).isEmpty();
		assertThat(text).contains("new URL(script.src).origin").doesNotContain("import(").doesNotContain("eval(");
	}

	private static byte[] read(String resource) throws IOException {
		try (InputStream in = EmbedScriptTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			return in.readAllBytes();
		}
	}

}
