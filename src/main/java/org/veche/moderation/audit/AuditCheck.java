package org.veche.moderation.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What checking an audit export found: intact to its end, or where the chain breaks and
 * how.
 *
 * @param lines how many lines were read (up to the break)
 * @param lastSeq the seq of the last line that still follows the chain, or 0
 * @param head the SHA-256 of that line (to compare with the site's head), or the genesis
 * value
 * @param brokenAt the first line (1-based) that does not follow the line before it, or 0
 * when intact
 * @param problem what is wrong with it: {@code json} (not a line of the export),
 * {@code prev} (it does not carry the hash of the line before: that line was changed, or
 * lines were removed, inserted or moved), {@code seq} (its number does not follow), or
 * empty when intact
 */
public record AuditCheck(int lines, long lastSeq, String head, int brokenAt, String problem) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public boolean intact() {
		return brokenAt == 0;
	}

	/**
	 * Checks an export line by line: the first line must follow the genesis value, every
	 * other the line before.
	 */
	public static AuditCheck of(BufferedReader export) {
		String expected = AuditLine.GENESIS;
		long seq = 0;
		int n = 0;
		try {
			for (String line = export.readLine(); line != null; line = export.readLine()) {
				n++;
				JsonNode node;
				try {
					node = JSON.readTree(line);
				}
				catch (JacksonException ex) {
					return new AuditCheck(n - 1, seq, expected, n, "json");
				}
				if (node == null || !node.isObject() || !node.path("prev").isString()
						|| !node.path("seq").isIntegralNumber()) {
					return new AuditCheck(n - 1, seq, expected, n, "json");
				}
				if (!node.path("prev").asString().equals(expected)) {
					return new AuditCheck(n - 1, seq, expected, n, "prev");
				}
				if (node.path("seq").asLong() != seq + 1) {
					return new AuditCheck(n - 1, seq, expected, n, "seq");
				}
				seq++;
				expected = AuditLine.sha256(line);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new AuditCheck(n, seq, expected, 0, "");
	}

	/** In plain English, for the command line. */
	public String describe() {
		if (intact()) {
			return "intact: " + lines + " lines, the last (seq " + lastSeq + ") hashes to " + head;
		}
		return "broken at line " + brokenAt + ": " + switch (problem) {
			case "json" -> "it is not a line of the audit export";
			case "seq" -> "its seq does not follow the line before (lines were removed, inserted or moved)";
			default -> brokenAt == 1 ? "the first line does not start the chain (lines before it were removed)"
					: "it does not carry the SHA-256 of line " + (brokenAt - 1)
							+ " (that line was changed, or lines were removed, inserted or moved here)";
		};
	}

}
