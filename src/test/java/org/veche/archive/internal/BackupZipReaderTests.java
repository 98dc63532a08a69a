package org.veche.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veche.archive.Progress;
import org.veche.backup.BackupRefused;

/**
 * A backup file is checked before anything of it is trusted: a file that is not a zip,
 * names that climb out of their folder, entries larger than allowed or larger than they
 * say, broken JSON, a foreign format, and damaged files are refused with a message that
 * says which; what a failed restore wrote is removed again.
 */
class BackupZipReaderTests {

	static final BackupZipReader.Limits LIMITS = new BackupZipReader.Limits(1 << 20, 100, 10 << 20);

	@TempDir
	Path dir;

	@Test
	void aBackupWrittenByTheWriterReadsBackRowsAndFiles() throws Exception {
		Path photo = Files.writeString(dir.resolve("source.jpg"), "not really a jpeg");
		var out = new ByteArrayOutputStream();
		var writer = new BackupZipWriter(out, new Progress(), 1L, "3", 2);
		writer.beginSection("media");
		writer.table("photo",
				Stream.of(row("id", 1L, "caption", "Crowd ]]> \"quoted\""), row("id", 2L, "caption", null)));
		writer.table("model", Stream.of(row("task", "spam", "model", new byte[] { 0, 1, (byte) 0xff })));
		writer.file("media/abc/320.jpg", photo);
		writer.endSection();
		writer.finish();
		Path zip = Files.write(dir.resolve("b.zip"), out.toByteArray());

		var rows = new ArrayList<Map<String, Object>>();
		Path media = dir.resolve("restored");
		try (var reader = BackupZipReader.open(zip, LIMITS, new Progress())) {
			assertThat(reader.header().schema()).isEqualTo("3");
			assertThat(reader.nextSection()).isEqualTo("media");
			reader.rows("photo", rows::add);
			reader.rows("model", model -> assertThat((byte[]) model.get("model")).containsExactly(0, 1, 0xff));
			reader.files(Map.of("media", media));
			reader.endSection();
			assertThat(reader.nextSection()).isNull();
			reader.finish();
		}
		assertThat(rows).containsExactly(row("id", 1L, "caption", "Crowd ]]> \"quoted\""),
				row("id", 2L, "caption", null));
		assertThat(Files.readString(media.resolve("abc/320.jpg"))).isEqualTo("not really a jpeg");
	}

	@Test
	void aFileThatIsNotAZipIsRefused() throws Exception {
		Path file = Files.writeString(dir.resolve("x.zip"), "<rss>not a zip</rss>");
		assertRefused(file, "not a zip archive");
	}

	@Test
	void aZipWithoutBackupJsonIsRefused() throws Exception {
		assertRefused(zip(Map.of("files/media/a.jpg", bytes("x"))), "has no backup.json");
	}

	@Test
	void entriesThatClimbOutOfTheirFolderAreRefused() throws Exception {
		assertRefused(zip(Map.of("backup.json", header(), "files/media/../../../etc/cron.d/evil", bytes("x"))),
				"not a plain relative path");
		assertRefused(zip(Map.of("backup.json", header(), "/etc/passwd", bytes("x"))), "not a plain relative path");
		assertRefused(zip(Map.of("backup.json", header(), "files\\..\\evil", bytes("x"))), "not a plain relative path");
		assertRefused(zip(Map.of("backup.json", header(), "other.txt", bytes("x"))),
				"that a Veche backup does not have");
	}

	@Test
	void aManifestNameThatClimbsOutIsRefusedBeforeAnythingIsWritten() throws Exception {
		String json = "{\"format\":\"veche-backup\",\"version\":1,\"schema\":\"3\",\"rows\":0,\"sections\":[{\"name\":\"media\","
				+ "\"tables\":[],\"files\":[{\"name\":\"media/../../outside.jpg\",\"size\":1,\"sha256\":\"00\"}]}]}";
		Path zip = zip(Map.of("backup.json", bytes(json)));
		try (var reader = BackupZipReader.open(zip, LIMITS, new Progress())) {
			reader.nextSection();
			assertThatThrownBy(() -> reader.files(Map.of("media", dir.resolve("media"))))
				.isInstanceOf(BackupRefused.class)
				.hasMessageContaining("not a plain relative path");
		}
		assertThat(dir.resolve("outside.jpg")).doesNotExist();
	}

	@Test
	void hugeEntriesAndTooManyEntriesAreRefused() throws Exception {
		byte[] big = new byte[(1 << 20) + 1];
		assertRefused(zip(Map.of("backup.json", header(), "files/media/big.jpg", big)),
				"more than the 1048576 allowed");
		var many = new LinkedHashMap<String, byte[]>();
		many.put("backup.json", header());
		for (int i = 0; i < 100; i++) {
			many.put("files/media/" + i + ".jpg", bytes("x"));
		}
		assertRefused(zip(many), "more than the 100 allowed");
	}

	@Test
	void anEntryThatUnpacksToMoreThanItDeclaresIsStopped() throws Exception {
		// a zip bomb's trick: the central directory says 64 bytes, the data inflates to
		// far more
		byte[] json = ("{\"format\":\"veche-backup\",\"version\":1,\"schema\":\"3\",\"rows\":0,\"padding\":\""
				+ "a".repeat(100_000) + "\",\"sections\":[]}")
			.getBytes(StandardCharsets.UTF_8);
		byte[] zip = Files.readAllBytes(zip(Map.of("backup.json", json)));
		patchDeclaredSize(zip, 64);
		Path file = Files.write(dir.resolve("bomb.zip"), zip);
		assertRefused(file, "holds more than the 64 bytes it declares");
	}

	@Test
	void brokenJsonAndForeignFormatsAreRefused() throws Exception {
		assertRefused(zip(Map.of("backup.json", bytes("{\"format\": \"veche-backup\", "))), "not valid JSON");
		assertRefused(zip(Map.of("backup.json", bytes("{\"format\":\"wordpress\",\"version\":1,\"sections\":[]}"))),
				"not a Veche backup");
		assertRefused(zip(Map.of("backup.json", bytes("{\"format\":\"veche-backup\",\"version\":99,\"sections\":[]}"))),
				"format version 99");
		assertRefused(zip(Map.of("backup.json", bytes("[1, 2, 3]"))), "malformed");
	}

	@Test
	void aDamagedFileIsRefusedAndWhatWasWrittenIsRemoved() throws Exception {
		byte[] good = bytes("first file");
		byte[] bad = bytes("second file");
		String json = "{\"format\":\"veche-backup\",\"version\":1,\"schema\":\"3\",\"rows\":0,\"sections\":[{\"name\":\"media\","
				+ "\"tables\":[],\"files\":[{\"name\":\"media/k/1.jpg\",\"size\":" + good.length + ",\"sha256\":\""
				+ sha256(good) + "\"},{\"name\":\"media/k/2.jpg\",\"size\":" + bad.length + ",\"sha256\":\""
				+ sha256(bytes("other")) + "\"}]}]}";
		var entries = new LinkedHashMap<String, byte[]>();
		entries.put("backup.json", bytes(json));
		entries.put("files/media/media/k/1.jpg", good);
		entries.put("files/media/media/k/2.jpg", bad);
		Path media = Files.createDirectories(dir.resolve("media"));
		try (var reader = BackupZipReader.open(zip(entries), LIMITS, new Progress())) {
			reader.nextSection();
			assertThatThrownBy(() -> reader.files(Map.of("media", media))).isInstanceOf(BackupRefused.class)
				.hasMessageContaining("damaged");
			assertThat(media.resolve("k/1.jpg")).exists();
			reader.undo();
		}
		assertThat(media.resolve("k")).doesNotExist();
		assertThat(media).exists();
	}

	@Test
	void aTableTheSiteDoesNotRestoreIsRefused() throws Exception {
		String json = "{\"format\":\"veche-backup\",\"version\":1,\"schema\":\"3\",\"rows\":1,\"sections\":[{\"name\":\"media\","
				+ "\"tables\":[{\"name\":\"secret_table\",\"rows\":[{\"id\":1}]}],\"files\":[]}]}";
		try (var reader = BackupZipReader.open(zip(Map.of("backup.json", bytes(json))), LIMITS, new Progress())) {
			reader.nextSection();
			reader.rows("photo", row -> {
				throw new AssertionError("no photo rows");
			});
			assertThatThrownBy(reader::endSection).isInstanceOf(BackupRefused.class)
				.hasMessageContaining("secret_table that this site does not restore");
		}
	}

	private void assertRefused(Path file, String message) {
		assertThatThrownBy(() -> {
			try (var reader = BackupZipReader.open(file, LIMITS, new Progress())) {
				for (String s = reader.nextSection(); s != null; s = reader.nextSection()) {
					reader.endSection();
				}
				reader.finish();
			}
		}).isInstanceOf(BackupRefused.class).hasMessageContaining(message);
	}

	private Path zip(Map<String, byte[]> entries) throws IOException {
		Path file = Files.createTempFile(dir, "backup-", ".zip");
		try (var zip = new ZipOutputStream(Files.newOutputStream(file))) {
			for (var entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		return file;
	}

	/**
	 * Rewrites the uncompressed size in the central directory record of the (only) entry.
	 */
	private static void patchDeclaredSize(byte[] zip, int size) {
		for (int i = zip.length - 22; i >= 0; i--) {
			if ((zip[i] & 0xff) == 0x50 && zip[i + 1] == 0x4b && zip[i + 2] == 0x01 && zip[i + 3] == 0x02) {
				zip[i + 24] = (byte) size;
				zip[i + 25] = 0;
				zip[i + 26] = 0;
				zip[i + 27] = 0;
				return;
			}
		}
		throw new AssertionError("no central directory");
	}

	private static byte[] header() {
		return bytes("{\"format\":\"veche-backup\",\"version\":1,\"schema\":\"3\",\"rows\":0,\"sections\":[]}");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String sha256(byte[] data) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
	}

	private static Map<String, Object> row(Object... pairs) {
		var row = new LinkedHashMap<String, Object>();
		for (int i = 0; i < pairs.length; i += 2) {
			row.put((String) pairs[i], pairs[i + 1]);
		}
		return row;
	}

}
