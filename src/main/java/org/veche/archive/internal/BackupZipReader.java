package org.veche.archive.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.veche.archive.Progress;
import org.veche.backup.BackupReader;
import org.veche.backup.BackupRefused;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads a backup written by {@link BackupZipWriter}, checking everything before trusting
 * it: every entry name, the declared and the real size of every entry, the header, the
 * shape of the JSON, and the size and SHA-256 of every file. The JSON is read as a
 * stream, section by section, while the sections insert their rows.
 */
public final class BackupZipReader implements BackupReader, Closeable {

	/**
	 * @param maxEntrySize the largest entry, backup.json included; @param maxTotal all
	 * entries together
	 */
	public record Limits(long maxEntrySize, int maxEntries, long maxTotal) {
	}

	public record Header(long createdAt, String schema, long rows) {
	}

	private final ZipFile zip;

	private final JsonParser json;

	private final Header header;

	private final Progress progress;

	private final Map<String, Long> counts = new LinkedHashMap<>();

	private final List<Path> written = new ArrayList<>();

	private String section;

	private String nextTable;

	private boolean tablesDone;

	private boolean filesDone;

	private long files;

	private long bytes;

	private BackupZipReader(ZipFile zip, JsonParser json, Progress progress) {
		this.zip = zip;
		this.json = json;
		this.progress = progress;
		this.header = readHeader();
	}

	public static BackupZipReader open(Path file, Limits limits, Progress progress) {
		ZipFile zip;
		try {
			zip = new ZipFile(file.toFile());
		}
		catch (ZipException ex) {
			throw new BackupRefused("This is not a Veche backup: the file is not a zip archive");
		}
		catch (IOException ex) {
			throw new BackupRefused("Cannot read the backup file " + file + ": " + ex.getMessage(), ex);
		}
		try {
			ZipEntry json = check(zip, limits);
			InputStream in = new BoundedInput(zip.getInputStream(json), json.getName(), json.getSize());
			return new BackupZipReader(zip, new JsonFactory().createParser(ObjectReadContext.empty(), in), progress);
		}
		catch (IOException | RuntimeException ex) {
			closeQuietly(zip);
			throw refusal(ex);
		}
	}

	private static ZipEntry check(ZipFile zip, Limits limits) {
		if (zip.size() > limits.maxEntries()) {
			throw new BackupRefused("The backup holds " + zip.size() + " entries, more than the " + limits.maxEntries()
					+ " allowed (veche.archive.max-entries)");
		}
		long total = 0;
		ZipEntry json = null;
		for (ZipEntry entry : Collections.list(zip.entries())) {
			String name = entry.getName();
			if (name.endsWith("/") && entry.isDirectory()) {
				BackupNames.checked(name.substring(0, name.length() - 1));
				continue;
			}
			BackupNames.checked(name);
			if (!name.equals(BackupNames.JSON) && !name.startsWith(BackupNames.FILES)) {
				throw new BackupRefused("The backup holds an entry \"" + BackupNames.printable(name)
						+ "\" that a Veche backup does not have");
			}
			if (entry.getSize() < 0 || entry.getSize() > limits.maxEntrySize()) {
				throw new BackupRefused("The backup's entry " + BackupNames.printable(name) + " is "
						+ (entry.getSize() < 0 ? "of unknown size" : entry.getSize() + " bytes") + ", more than the "
						+ limits.maxEntrySize() + " allowed (veche.archive.max-entry-size)");
			}
			total += entry.getSize();
			if (total > limits.maxTotal()) {
				throw new BackupRefused("The backup unpacks to more than the " + limits.maxTotal()
						+ " bytes allowed (veche.archive.max-total-size)");
			}
			if (name.equals(BackupNames.JSON)) {
				json = entry;
			}
		}
		if (json == null) {
			throw new BackupRefused("This is not a Veche backup: it has no " + BackupNames.JSON);
		}
		return json;
	}

	private Header readHeader() {
		expect(JsonToken.START_OBJECT, "the backup");
		String format = null;
		Long version = null;
		long createdAt = 0;
		String schema = null;
		long rows = 0;
		for (String name = json.nextName(); name != null; name = json.nextName()) {
			if (name.equals("sections")) {
				expect(JsonToken.START_ARRAY, "sections");
				if (!BackupZipWriter.FORMAT.equals(format)) {
					throw new BackupRefused("This is not a Veche backup: backup.json has no \"format\": \""
							+ BackupZipWriter.FORMAT + "\" before its sections");
				}
				if (version == null || version != BackupZipWriter.VERSION) {
					throw new BackupRefused("This backup is of format version " + version
							+ "; this Veche reads version " + BackupZipWriter.VERSION);
				}
				return new Header(createdAt, schema == null ? "" : schema, rows);
			}
			JsonToken token = json.nextToken();
			switch (name) {
				case "format" -> format = token == JsonToken.VALUE_STRING ? json.getString() : null;
				case "version" -> version = token == JsonToken.VALUE_NUMBER_INT ? json.getLongValue() : null;
				case "createdAt" -> createdAt = token == JsonToken.VALUE_NUMBER_INT ? json.getLongValue() : 0;
				case "schema" -> schema = token == JsonToken.VALUE_STRING ? json.getString() : null;
				case "rows" -> rows = token == JsonToken.VALUE_NUMBER_INT ? json.getLongValue() : 0;
				default -> json.skipChildren();
			}
		}
		throw new BackupRefused("This is not a Veche backup: backup.json has no sections");
	}

	public Header header() {
		return header;
	}

	/** The name of the next section, or null after the last. */
	public String nextSection() {
		JsonToken token = json.nextToken();
		if (token == JsonToken.END_ARRAY) {
			return null;
		}
		if (token != JsonToken.START_OBJECT || !"name".equals(json.nextName())
				|| json.nextToken() != JsonToken.VALUE_STRING) {
			throw malformed("a section should start with its name");
		}
		section = BackupNames.checked(json.getString());
		if (!"tables".equals(json.nextName())) {
			throw malformed("section " + section + " should list its tables");
		}
		expect(JsonToken.START_ARRAY, "tables");
		nextTable = null;
		tablesDone = false;
		filesDone = false;
		return section;
	}

	@Override
	public void rows(String table, Consumer<Map<String, Object>> row) {
		if (nextTable == null && !tablesDone) {
			JsonToken token = json.nextToken();
			if (token == JsonToken.END_ARRAY) {
				tablesDone = true;
			}
			else if (token != JsonToken.START_OBJECT || !"name".equals(json.nextName())
					|| json.nextToken() != JsonToken.VALUE_STRING) {
				throw malformed("a table of " + section + " should start with its name");
			}
			else {
				nextTable = json.getString();
			}
		}
		if (!table.equals(nextTable)) {
			return; // a backup from before this table existed
		}
		nextTable = null;
		if (!"rows".equals(json.nextName())) {
			throw malformed("table " + table + " should hold its rows");
		}
		expect(JsonToken.START_ARRAY, "rows of " + table);
		long n = 0;
		while (json.nextToken() == JsonToken.START_OBJECT) {
			var values = new LinkedHashMap<String, Object>();
			for (String column = json.nextName(); column != null; column = json.nextName()) {
				values.put(column, value(table, column));
			}
			row.accept(values);
			n++;
			progress.step();
		}
		if (json.currentToken() != JsonToken.END_ARRAY || json.nextToken() != JsonToken.END_OBJECT) {
			throw malformed("table " + table + " has something other than rows");
		}
		counts.merge(table, n, Long::sum);
	}

	private Object value(String table, String column) {
		JsonToken token = json.nextToken();
		return switch (token) {
			case VALUE_NULL -> null;
			case VALUE_STRING -> json.getString();
			case VALUE_TRUE -> Boolean.TRUE;
			case VALUE_FALSE -> Boolean.FALSE;
			case VALUE_NUMBER_INT -> json.getLongValue();
			case VALUE_NUMBER_FLOAT -> json.getDoubleValue();
			case START_OBJECT -> bytes(table, column);
			default -> throw malformed("column " + column + " of " + table + " holds " + token + ", not a value");
		};
	}

	private byte[] bytes(String table, String column) {
		if (!"base64".equals(json.nextName()) || json.nextToken() != JsonToken.VALUE_STRING) {
			throw malformed("column " + column + " of " + table + " holds an object that is not {\"base64\": ...}");
		}
		byte[] bytes = json.getBinaryValue();
		if (json.nextToken() != JsonToken.END_OBJECT) {
			throw malformed("column " + column + " of " + table + " holds more than its bytes");
		}
		return bytes;
	}

	/**
	 * Every table of the section must have been asked for: a table the site does not know
	 * is refused.
	 */
	private void endTables() {
		if (nextTable != null) {
			throw new BackupRefused("The backup's section " + section + " holds a table " + nextTable
					+ " that this site does not restore: is the backup from a newer version of Veche?");
		}
		if (!tablesDone) {
			JsonToken token = json.nextToken();
			if (token == JsonToken.START_OBJECT && "name".equals(json.nextName())
					&& json.nextToken() == JsonToken.VALUE_STRING) {
				nextTable = json.getString();
				endTables();
			}
			if (token != JsonToken.END_ARRAY) {
				throw malformed("the tables of " + section + " do not end");
			}
			tablesDone = true;
		}
	}

	@Override
	public void files(Map<String, Path> folders) {
		endTables();
		if (!"files".equals(json.nextName())) {
			throw malformed("section " + section + " should list its files");
		}
		expect(JsonToken.START_ARRAY, "files");
		while (json.nextToken() == JsonToken.START_OBJECT) {
			String name = null;
			long size = -1;
			String sha256 = null;
			for (String key = json.nextName(); key != null; key = json.nextName()) {
				JsonToken token = json.nextToken();
				switch (key) {
					case "name" -> name = token == JsonToken.VALUE_STRING ? json.getString() : null;
					case "size" -> size = token == JsonToken.VALUE_NUMBER_INT ? json.getLongValue() : -1;
					case "sha256" -> sha256 = token == JsonToken.VALUE_STRING ? json.getString() : null;
					default -> json.skipChildren();
				}
			}
			if (name == null || size < 0 || sha256 == null) {
				throw malformed("a file of " + section + " lacks its name, size or SHA-256");
			}
			String entry = BackupNames.fileEntry(section, name);
			int slash = name.indexOf('/');
			Path root = slash > 0 ? folders.get(name.substring(0, slash)) : null;
			if (root == null) {
				throw new BackupRefused("The backup's file " + BackupNames.printable(entry)
						+ " belongs to no folder that section " + section + " restores into: refused");
			}
			Path base = root.toAbsolutePath().normalize();
			restore(entry, base, base.resolve(name.substring(slash + 1)).normalize(), size, sha256);
		}
		if (json.currentToken() != JsonToken.END_ARRAY) {
			throw malformed("the files of " + section + " do not end");
		}
		filesDone = true;
	}

	private void restore(String entryName, Path base, Path target, long size, String sha256) {
		if (!target.startsWith(base) || target.equals(base)) {
			throw new BackupRefused("The backup's file " + BackupNames.printable(entryName) + " would land outside "
					+ base + ": refused");
		}
		ZipEntry entry = zip.getEntry(entryName);
		if (entry == null || entry.getSize() != size) {
			throw new BackupRefused("The backup lists the file " + BackupNames.printable(entryName)
					+ (entry == null ? " but does not hold it" : " with another size than it holds"));
		}
		try {
			makeFolders(target.getParent(), base);
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			try (InputStream in = new BoundedInput(zip.getInputStream(entry), entryName, size);
					OutputStream out = new DigestOutputStream(
							Files.newOutputStream(target, java.nio.file.StandardOpenOption.CREATE_NEW), digest)) {
				written.add(target);
				bytes += in.transferTo(out);
			}
			if (!HexFormat.of().formatHex(digest.digest()).equalsIgnoreCase(sha256)) {
				throw new BackupRefused("The backup's file " + BackupNames.printable(entryName)
						+ " is damaged (its SHA-256 does not match)");
			}
			files++;
			progress.step();
		}
		catch (FileAlreadyExistsException ex) {
			throw new BackupRefused("The file " + target + " exists already: restore only into an empty site");
		}
		catch (IOException ex) {
			throw new BackupRefused("Cannot write " + target + ": " + ex.getMessage(), ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void makeFolders(Path folder, Path base) throws IOException {
		if (folder.equals(base) || Files.isDirectory(folder)) {
			Files.createDirectories(folder);
			return;
		}
		makeFolders(folder.getParent(), base);
		Files.createDirectory(folder);
		written.add(folder);
	}

	/** Closes the section: what it did not read must be empty. */
	public void endSection() {
		if (!filesDone) {
			endTables();
			if (!"files".equals(json.nextName()) || json.nextToken() != JsonToken.START_ARRAY
					|| json.nextToken() != JsonToken.END_ARRAY) {
				throw new BackupRefused(
						"The backup's section " + section + " holds files that this site does not restore");
			}
		}
		if (json.nextToken() != JsonToken.END_OBJECT) {
			throw malformed("section " + section + " holds more than tables and files");
		}
	}

	/** After the last section: nothing may follow. */
	public void finish() {
		if (json.nextToken() != JsonToken.END_OBJECT || json.nextToken() != null) {
			throw malformed("something follows the sections");
		}
	}

	/**
	 * Removes the files and folders this restore wrote, newest first, after a failure.
	 */
	public void undo() {
		for (int i = written.size() - 1; i >= 0; i--) {
			try {
				Files.deleteIfExists(written.get(i));
			}
			catch (IOException ex) {
				// a folder that someone else filled meanwhile stays
			}
		}
		written.clear();
	}

	public Map<String, Long> counts() {
		return counts;
	}

	public long files() {
		return files;
	}

	public long bytes() {
		return bytes;
	}

	private void expect(JsonToken expected, String what) {
		JsonToken token = json.nextToken();
		if (token != expected) {
			throw malformed("expected " + expected + " at " + what + ", found " + token);
		}
	}

	private static BackupRefused malformed(String why) {
		return new BackupRefused("The backup is malformed: " + why);
	}

	/** Jackson's and the zip's own errors become one clear refusal. */
	public static BackupRefused refusal(Throwable ex) {
		if (ex instanceof BackupRefused refused) {
			return refused;
		}
		if (ex instanceof JacksonException json) {
			return new BackupRefused(
					"The backup is malformed: backup.json is not valid JSON (" + json.getOriginalMessage() + ")", ex);
		}
		if (ex instanceof UncheckedIOException io) {
			return refusal(io.getCause());
		}
		if (ex instanceof IOException io) {
			return new BackupRefused("The backup cannot be read: " + io.getMessage(), ex);
		}
		return new BackupRefused("The backup cannot be restored: " + ex.getMessage(), ex);
	}

	@Override
	public void close() {
		try {
			json.close();
		}
		finally {
			closeQuietly(zip);
		}
	}

	private static void closeQuietly(ZipFile zip) {
		try {
			zip.close();
		}
		catch (IOException ex) {
			// nothing was written through it
		}
	}

}
