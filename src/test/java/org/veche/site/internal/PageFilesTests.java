package org.veche.site.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files of big kept pages on a real folder: written whole under names never used
 * again, deleted only after the grace period that follows their page's removal, and a
 * run's folder left alone while it runs and deleted by the next start once it has ended.
 */
class PageFilesTests {

	@TempDir
	Path dataDir;

	private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T23:00:00Z"), ZoneOffset.UTC);

	@Test
	void aFileHoldsItsBytesUnderANewNameEachTime() throws IOException {
		try (var files = new PageFiles(dataDir, clock)) {
			var first = files.write(new byte[] { 1, 2, 3 }, "html");
			var second = files.write(new byte[] { 1, 2, 3 }, "html");

			assertThat(files.available()).isTrue();
			assertThat(first.path()).isNotEqualTo(second.path());
			assertThat(Files.readAllBytes(first.path())).containsExactly(1, 2, 3);
			assertThat(first.length()).isEqualTo(3);
			assertThat(files.read(second)).containsExactly(1, 2, 3);
			assertThat(files.count()).isEqualTo(2);
		}
	}

	@Test
	void aRetiredFileStaysForTheGracePeriodThenGoes() throws IOException {
		try (var files = new PageFiles(dataDir, clock)) {
			var retired = files.write(new byte[] { 1 }, "html");
			var current = files.write(new byte[] { 2 }, "html");
			files.retire(retired);

			files.sweep(clock.millis() + PageFiles.GRACE.toMillis() - 1);
			assertThat(retired.path()).exists();

			files.sweep(clock.millis() + PageFiles.GRACE.toMillis());
			assertThat(retired.path()).doesNotExist();
			assertThat(current.path()).exists();
			assertThat(files.count()).isEqualTo(1);
		}
	}

	@Test
	void aRunningRunsFolderIsLeftAloneAndAnEndedOnesIsDeletedAtTheNextStart() throws IOException {
		var running = new PageFiles(dataDir, clock);
		var file = running.write(new byte[] { 7 }, "html");
		PageFiles ended;
		try (var second = new PageFiles(dataDir, clock)) {
			assertThat(file.path()).as("another run on the same data directory").exists();
			ended = second;
			second.write(new byte[] { 8 }, "html");
		}
		assertThat(ended.folder()).as("deleted when its run closes").doesNotExist();

		// a run that ended without closing (killed): its folder and lock are left, the
		// lock no longer held
		Path crashed = Files.createDirectories(dataDir.resolve("page-cache").resolve("crashed-run"));
		Files.createFile(crashed.resolve(".lock"));
		Files.write(crashed.resolve("1.html"), new byte[] { 9 });
		try (var next = new PageFiles(dataDir, clock)) {
			assertThat(crashed).doesNotExist();
			assertThat(file.path()).exists();
		}
		running.close();
		assertThat(running.folder()).doesNotExist();
	}

	@Test
	void aDataDirectoryThatCannotBeWrittenKeepsPagesInMemory() throws IOException {
		Path notAFolder = Files.writeString(dataDir.resolve("file"), "in the way");

		try (var files = new PageFiles(notAFolder, clock)) {
			assertThat(files.available()).isFalse();
			assertThat(files.write(new byte[] { 1 }, "html")).isNull();
		}
	}

}
