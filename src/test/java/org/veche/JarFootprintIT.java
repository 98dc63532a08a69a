package org.veche;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar (failsafe runs after {@code package}) stays small: at most 60 MB
 * (60,000,000 bytes, as the issue counts), native libraries only for Linux x86_64 and
 * aarch64, no test library, nested jars stored as Spring Boot's launcher needs them, and
 * a manifest that grants native access so that {@code java -jar} prints no warning.
 */
class JarFootprintIT {

	static final long MAX_BYTES = 60_000_000L;

	static final Pattern NATIVE = Pattern.compile(".*\\.(so(\\.[0-9.]+)?|dll|dylib|jnilib)$");

	static final Pattern OUR_PLATFORMS = Pattern.compile("(?i).*/linux[-_/]?(x86_64|amd64|aarch64|arm64)/[^/]+$");

	static final Pattern TEST_LIBRARY = Pattern.compile("BOOT-INF/lib/(junit|archunit|assertj|mockito|hamcrest|"
			+ "opentest4j|jsonassert|json-path|awaitility|selenium|spring-test|spring-boot-test|spring-modulith-core|"
			+ "spring-modulith-test|spring-modulith-docs|greenmail|mock-oauth2-server|byte-buddy-agent|xmlunit|jmh|"
			+ "bcprov|opencv)[^/]*\\.jar");

	static Path jar;

	@BeforeAll
	static void theJarIsBuilt() {
		jar = Path.of("target", "veche.jar");
		assertThat(jar).as("run mvn package (or verify) first").exists();
	}

	@Test
	void theJarIsAtMostSixtyMegabytes() throws IOException {
		assertThat(Files.size(jar)).as("bytes of %s", jar).isLessThanOrEqualTo(MAX_BYTES);
	}

	@Test
	void nativeLibrariesAreOnlyForLinuxOnX8664AndAarch64() throws IOException {
		var natives = new ArrayList<String>();
		try (var file = new JarFile(jar.toFile())) {
			for (ZipEntry entry : file.stream().toList()) {
				if (NATIVE.matcher(entry.getName()).matches()) {
					natives.add(entry.getName());
				}
				if (entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith(".jar")) {
					try (InputStream in = file.getInputStream(entry)) {
						natives.addAll(nativesIn(entry.getName(), in));
					}
				}
			}
		}
		assertThat(natives).as("SQLite's and libwebp's").isNotEmpty();
		assertThat(natives).allSatisfy(name -> assertThat(name).matches(OUR_PLATFORMS));
	}

	@Test
	void noTestLibraryShipsAndNestedJarsAreStored() throws IOException {
		try (var file = new JarFile(jar.toFile())) {
			List<JarEntry> libs = file.stream()
				.filter(e -> e.getName().startsWith("BOOT-INF/lib/") && e.getName().endsWith(".jar"))
				.toList();
			assertThat(libs).isNotEmpty();
			assertThat(libs).extracting(JarEntry::getName).noneMatch(name -> TEST_LIBRARY.matcher(name).matches());
			assertThat(libs).allSatisfy(e -> assertThat(e.getMethod()).as(e.getName()).isEqualTo(ZipEntry.STORED));
		}
	}

	@Test
	void theManifestGrantsNativeAccess() throws IOException {
		try (var file = new JarFile(jar.toFile())) {
			assertThat(file.getManifest().getMainAttributes().getValue("Enable-Native-Access"))
				.isEqualTo("ALL-UNNAMED");
		}
	}

	private static List<String> nativesIn(String jarName, InputStream in) throws IOException {
		var found = new ArrayList<String>();
		var zip = new ZipInputStream(in);
		for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
			if (NATIVE.matcher(e.getName().toLowerCase(Locale.ROOT)).matches()) {
				found.add(jarName + "!/" + e.getName());
			}
		}
		return found;
	}

}
