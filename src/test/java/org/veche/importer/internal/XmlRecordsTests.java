package org.veche.importer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veche.importer.ImportFailed;

/**
 * The reader every import goes through refuses what no real export holds and what could
 * harm the site: a DTD (the carrier of entity expansion and external entities),
 * undeclared entities, broken XML and huge texts.
 */
class XmlRecordsTests {

	@TempDir
	Path folder;

	private Path file(String xml) throws IOException {
		Path file = Files.createTempFile(folder, "x", ".xml");
		Files.writeString(file, xml, StandardCharsets.UTF_8);
		return file;
	}

	private static ImportFailed refusal(Path file) {
		var thrown = new ArrayList<ImportFailed>();
		try {
			XmlRecords.read(file, root -> {
			}, Set.of("item"), item -> {
			});
		}
		catch (ImportFailed ex) {
			thrown.add(ex);
		}
		assertThat(thrown).as("the file was refused").hasSize(1);
		return thrown.get(0);
	}

	@Test
	void recordsComeOneByOneWithNamespacesShortened() throws IOException {
		Path file = file(
				"""
						<rss xmlns:wp="http://wordpress.org/export/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
						<channel><item><title>A &amp; B</title><wp:post_id>7</wp:post_id>
						<content:encoded><![CDATA[<p>x</p>]]></content:encoded></item><item><wp:post_id>8</wp:post_id></item></channel></rss>
						""");
		var ids = new ArrayList<String>();
		var titles = new ArrayList<String>();
		String[] root = { null };
		XmlRecords.read(file, name -> root[0] = name, Set.of("item"), item -> {
			ids.add(item.text("wp:post_id"));
			titles.add(item.text("title"));
			if (item.text("wp:post_id").equals("7")) {
				assertThat(item.rawText("content:encoded")).isEqualTo("<p>x</p>");
			}
		});
		assertThat(root[0]).isEqualTo("rss");
		assertThat(ids).containsExactly("7", "8");
		assertThat(titles).containsExactly("A & B", "");
	}

	@Test
	void billionLaughsIsRefusedAtItsDoctype() throws IOException {
		Path file = file("""
				<?xml version="1.0"?>
				<!DOCTYPE lolz [
				 <!ENTITY lol "lol">
				 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
				 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
				 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
				 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
				 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
				 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
				 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
				 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
				]>
				<rss><channel><item><title>&lol9;</title></item></channel></rss>
				""");
		assertThat(refusal(file).messageKey()).isEqualTo("importer.error.doctype");
	}

	@Test
	void externalEntitiesAreRefusedAndNeverRead() throws IOException {
		Path secret = Files.writeString(folder.resolve("secret.txt"), "the source's name");
		Path file = file("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri()
				+ "\">]>\n<rss><channel><item><title>&xxe;</title></item></channel></rss>");
		var failure = refusal(file);
		assertThat(failure.messageKey()).isEqualTo("importer.error.doctype");
		assertThat(failure.getMessage()).doesNotContain("the source's name");
	}

	@Test
	void anEntityWithoutADoctypeIsRefused() throws IOException {
		Path file = file("<rss><channel><item><title>&nbsp;x</title></item></channel></rss>");
		var failure = refusal(file);
		assertThat(failure.messageKey()).isIn("importer.error.entity", "importer.error.malformed");
	}

	@Test
	void brokenXmlNamesTheLine() throws IOException {
		Path file = file(
				"<rss>\n<channel>\n<item><title>One</title></item>\n<item><title>Two</item>\n</channel></rss>");
		var failure = refusal(file);
		assertThat(failure.messageKey()).isEqualTo("importer.error.malformed");
		assertThat(failure.getMessage()).contains("line 4");
	}

	@Test
	void aTruncatedFileIsRefused() throws IOException {
		Path file = file("<rss><channel><item><title>One</title></item><item><title>Tw");
		assertThat(refusal(file).messageKey()).isEqualTo("importer.error.malformed");
	}

	@Test
	void aHugeTextNodeStopsAtTheLimit() throws IOException {
		Path file = folder.resolve("huge.xml");
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("<rss><channel><item><title>");
			char[] chunk = new char[1 << 16];
			java.util.Arrays.fill(chunk, 'a');
			for (long written = 0; written <= XmlRecords.MAX_TEXT + chunk.length; written += chunk.length) {
				out.write(chunk);
			}
			out.write("</title></item></channel></rss>");
		}
		assertThat(refusal(file).messageKey()).isIn("importer.error.limit", "importer.error.hugeText");
	}

	@Test
	void aMissingFileSaysSo() {
		assertThatThrownBy(() -> XmlRecords.read(folder.resolve("none.xml"), r -> {
		}, Set.of(), n -> {
		})).isInstanceOf(ImportFailed.class).hasMessageContaining("cannot be read");
	}

}
