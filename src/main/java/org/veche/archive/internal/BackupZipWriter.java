package org.veche.archive.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.veche.archive.Progress;
import org.veche.backup.BackupRefused;
import org.veche.backup.BackupWriter;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes a backup as one zip: {@code backup.json} (a header, then each section's tables
 * row by row and the list of its files with their sizes and SHA-256), followed by the
 * files themselves as they are on disk. Rows stream from the database cursor into the
 * zip, so a large site never sits in memory.
 */
public final class BackupZipWriter implements BackupWriter {

	public static final String FORMAT = "veche-backup";

	public static final int VERSION = 1;

	private final ZipOutputStream zip;

	private final JsonGenerator json;

	private final Progress progress;

	private final Map<String, Long> counts = new LinkedHashMap<>();

	private final List<Queued> files = new ArrayList<>();

	private final List<Queued> sectionFiles = new ArrayList<>();

	private String section;

	private long bytes;

	private record Queued(String entry, Path source, long size) {
	}

	public BackupZipWriter(OutputStream out, Progress progress, long createdAt, String schema, long rows) {
		this.zip = new ZipOutputStream(out);
		this.progress = progress;
		try {
			zip.putNextEntry(new ZipEntry(BackupNames.JSON));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.json = new JsonFactory().createGenerator(ObjectWriteContext.empty(), new FilterOutputStream(zip) {
			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				out.write(b, off, len);
			}

			@Override
			public void close() throws IOException {
				flush(); // the zip goes on after the JSON entry
			}
		});
		json.writeStartObject();
		json.writeStringProperty("format", FORMAT);
		json.writeNumberProperty("version", VERSION);
		json.writeNumberProperty("createdAt", createdAt);
		json.writeStringProperty("schema", schema);
		json.writeNumberProperty("rows", rows);
		json.writeName("sections");
		json.writeStartArray();
	}

	public void beginSection(String name) {
		section = BackupNames.checked(name);
		json.writeStartObject();
		json.writeStringProperty("name", name);
		json.writeName("tables");
		json.writeStartArray();
	}

	@Override
	public void table(String table, Stream<Map<String, Object>> rows) {
		long n = 0;
		json.writeStartObject();
		json.writeStringProperty("name", table);
		json.writeName("rows");
		json.writeStartArray();
		try (rows) {
			for (var it = rows.iterator(); it.hasNext();) {
				Map<String, Object> row = it.next();
				json.writeStartObject();
				for (var column : row.entrySet()) {
					json.writeName(column.getKey());
					value(table, column.getKey(), column.getValue());
				}
				json.writeEndObject();
				n++;
				progress.step();
			}
		}
		json.writeEndArray();
		json.writeEndObject();
		counts.merge(table, n, Long::sum);
	}

	private void value(String table, String column, Object value) {
		switch (value) {
			case null -> json.writeNull();
			case String s -> json.writeString(s);
			case Boolean b -> json.writeBoolean(b);
			case Long l -> json.writeNumber(l);
			case Integer i -> json.writeNumber(i.longValue());
			case Short s -> json.writeNumber(s.longValue());
			case BigInteger b -> json.writeNumber(b.longValueExact());
			case Double d -> json.writeNumber(d);
			case Float f -> json.writeNumber(f.doubleValue());
			case BigDecimal d -> json.writeNumber(d);
			case byte[] bytes -> {
				// an object, so that a restore tells bytes from text (a model kept as a
				// BLOB)
				json.writeStartObject();
				json.writeName("base64");
				json.writeBinary(bytes);
				json.writeEndObject();
			}
			default -> throw new BackupRefused("Column " + column + " of " + table + " holds a "
					+ value.getClass().getSimpleName() + ", which backups do not carry yet");
		}
	}

	@Override
	public void file(String name, Path source) {
		String entry = BackupNames.fileEntry(section, name);
		try {
			long size = Files.size(source);
			sectionFiles.add(new Queued(name, source, size));
			files.add(new Queued(entry, source, size));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + source, ex);
		}
	}

	public void endSection() {
		json.writeEndArray();
		json.writeName("files");
		json.writeStartArray();
		for (Queued file : sectionFiles) {
			json.writeStartObject();
			json.writeStringProperty("name", file.entry());
			json.writeNumberProperty("size", file.size());
			json.writeStringProperty("sha256", sha256(file.source()));
			json.writeEndObject();
		}
		json.writeEndArray();
		json.writeEndObject();
		sectionFiles.clear();
	}

	/**
	 * Ends the JSON, adds the files and finishes the zip; the stream under it stays open.
	 */
	public Map<String, Long> finish() {
		json.writeEndArray();
		json.writeEndObject();
		json.close();
		try {
			zip.closeEntry();
			progress.phase("files", files.size());
			for (Queued file : files) {
				zip.putNextEntry(new ZipEntry(file.entry()));
				bytes += Files.copy(file.source(), zip);
				zip.closeEntry();
				progress.step();
			}
			zip.finish();
			zip.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the backup", ex);
		}
		return counts;
	}

	public int files() {
		return files.size();
	}

	public long bytes() {
		return bytes;
	}

	static String sha256(Path file) {
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
