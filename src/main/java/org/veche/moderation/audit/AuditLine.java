package org.veche.moderation.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One line of the moderation audit: a logged action, its place in the chain and the
 * SHA-256 of the line before it. The JSON is written by hand, field by field in a fixed
 * order with a fixed escaping, because the line's hash is taken again from the database's
 * columns years later: a JSON library's output may change between versions, this must
 * not.
 *
 * @param seq the line's place in the chain, from 1
 * @param prev the SHA-256 (hex) of the line before, or {@link #GENESIS} for the first
 */
public record AuditLine(long seq, long id, Instant at, Long moderatorId, String moderatorName, String action,
		Long commentId, String detail, String prev) {

	/** What the first line's "prev" holds: there is no line before it. */
	public static final String GENESIS = "0".repeat(64);

	/** The line as exported, without its line break. */
	public String text() {
		var json = new StringBuilder(160 + detail.length());
		json.append("{\"seq\":").append(seq);
		json.append(",\"id\":").append(id);
		json.append(",\"at\":");
		string(json, at.toString());
		json.append(",\"moderator\":").append(moderatorId == null ? "null" : moderatorId.toString());
		json.append(",\"name\":");
		string(json, moderatorName);
		json.append(",\"action\":");
		string(json, action);
		json.append(",\"comment\":").append(commentId == null ? "null" : commentId.toString());
		json.append(",\"detail\":");
		string(json, detail);
		json.append(",\"prev\":");
		string(json, prev);
		return json.append('}').toString();
	}

	/** The SHA-256 of the line, which the next line carries as its "prev". */
	public String hash() {
		return sha256(text());
	}

	/** The SHA-256 of a line's UTF-8 bytes, in lower-case hex. */
	public static String sha256(String line) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(line.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void string(StringBuilder json, String value) {
		json.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					// the other control characters, and the two separators some readers
					// take for line breaks
					if (c < 0x20 || c == '\u2028' || c == '\u2029') {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

}
