package org.veche.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.site.SiteProperties;

/**
 * A broken or hostile file stops with a clear reason and leaves the site as it was:
 * nothing is written while the file is checked, and what the writing pass wrote before a
 * late failure is rolled back, photo files too.
 */
class HostileImportIT extends ImportTest {

	@Autowired
	SiteProperties site;

	private ImportRun refused(Path file, String key) {
		return refused(file, key, ImportProgress.Phase.CHECKING);
	}

	private ImportRun refused(Path file, String key, ImportProgress.Phase during) {
		long articles = publishing.deskSize();
		ImportRun run = imports.run(ExportFormat.WXR, file);
		assertThat(run.succeeded()).isFalse();
		assertThat(run.failure()).isNotNull();
		assertThat(run.failure().messageKey()).isEqualTo(key);
		assertThat(run.progress().phase()).isEqualTo(ImportProgress.Phase.FAILED);
		assertThat(run.progress().failedDuring()).isEqualTo(during);
		assertThat(run.report().counts()).isEmpty();
		assertThat(publishing.deskSize()).as("articles after a refused import").isEqualTo(articles);
		return run;
	}

	private static String validPost(int n) {
		return new Wxr("1.2", "https://hostile" + n + ".example")
			.item(1, "post", "publish", "Harmless " + n, "harmless-" + n, "2020-01-01 00:00:00", "a", "Text")
			.xml();
	}

	@Test
	void billionLaughs() {
		String xml = validPost(unique())
			.replace("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>",
					"""
							<?xml version="1.0" encoding="UTF-8"?>
							<!DOCTYPE rss [
							 <!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
							 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
							 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
							]>""")
			.replace("<title>Harmless", "<title>&g; Harmless");
		var run = refused(write(xml), "importer.error.doctype");
		assertThat(run.failure().getMessage()).contains("DOCTYPE");
	}

	@Test
	void externalEntitiesAreNeverFetched() {
		try (var server = new ImageServer()) {
			String xml = validPost(unique())
				.replace("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>",
						"<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + server.url("/uploads/x.jpg")
								+ "\"><!ENTITY file SYSTEM \"file:///etc/passwd\">]>")
				.replace("<title>Harmless", "<title>&xxe;&file; Harmless");
			refused(write(xml), "importer.error.doctype");
			assertThat(server.requests).isEmpty();
		}
	}

	@Test
	void anExternalDtdAndParameterEntitiesAreRefusedWithoutAFetchInBothFormats() {
		try (var server = new ImageServer()) {
			String external = "<!DOCTYPE rss SYSTEM \"" + server.url("/evil.dtd") + "\">";
			String parameter = "<!DOCTYPE rss [<!ENTITY % remote SYSTEM \"" + server.url("/remote.dtd")
					+ "\"> %remote; <!ENTITY % file SYSTEM \"file:///etc/hostname\">]>";
			for (String doctype : List.of(external, parameter)) {
				String wxr = validPost(unique()).replace("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>",
						"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype);
				refused(write(wxr), "importer.error.doctype");
				String disqus = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype.replace("rss", "disqus")
						+ "<disqus xmlns=\"http://disqus.com\"><thread dsq:id=\"1\" xmlns:dsq=\"http://disqus.com/disqus-internals\">"
						+ "<link>https://blog.example/a/</link><title>T</title></thread></disqus>";
				ImportRun run = imports.run(ExportFormat.DISQUS, write(disqus));
				assertThat(run.succeeded()).isFalse();
				assertThat(run.failure().messageKey()).isEqualTo("importer.error.doctype");
			}
			assertThat(server.requests).as("requests for a DTD or an entity").isEmpty();
		}
	}

	@Test
	void brokenXml() {
		int n = unique();
		String xml = validPost(n).replace("</item>", "</itemm>");
		var run = refused(write(xml), "importer.error.malformed");
		assertThat(run.failure().getMessage()).contains("not well-formed XML at line");
		assertThat(publishing.article("harmless-" + n)).isEmpty();
	}

	@Test
	void aFileCutShortAfterAGoodPostKeepsNothingOfIt() {
		int n = unique();
		String xml = validPost(n);
		refused(write(xml.substring(0, xml.indexOf("</item>") + 7) + "\n<item><title>Cut"), "importer.error.malformed");
		assertThat(publishing.article("harmless-" + n)).isEmpty();
	}

	@Test
	void aHugeTextNode() throws IOException {
		int n = unique();
		String xml = validPost(n);
		Path file = Files.createTempFile("veche-huge", ".xml");
		file.toFile().deleteOnExit();
		int at = xml.indexOf("Text]]>");
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(xml, 0, at);
			char[] chunk = new char[1 << 16];
			java.util.Arrays.fill(chunk, 'x');
			for (long written = 0; written < 9_000_000; written += chunk.length) {
				out.write(chunk);
			}
			out.write(xml, at, xml.length() - at);
		}
		var run = refused(file, "importer.error.limit");
		assertThat(run.failure().getMessage()).contains("safety limit");
		assertThat(publishing.article("harmless-" + n)).isEmpty();
	}

	@Test
	void notAWordPressExport() {
		refused(write("<?xml version=\"1.0\"?><html><body>hello</body></html>"), "importer.error.notWxr");
		refused(write(validPost(unique()).replace("<wp:wxr_version>1.2", "<wp:wxr_version>2.0")),
				"importer.error.wxrVersion");
		refused(write("not xml at all"), "importer.error.malformed");
	}

	/**
	 * The file is cut while the import fetches images, after it was checked: the writing
	 * pass stores the first post and its photo, then meets the broken end, and the
	 * transaction takes all of it back.
	 */
	@Test
	void aFailureWhileWritingRollsBackEverythingWrittenBefore() throws IOException {
		int n = unique();
		try (var server = new ImageServer()) {
			String xml = new Wxr("1.2", "https://late" + n + ".example")
				.item(1, "post", "publish", "First " + n, "first-" + n, "2020-01-01 00:00:00", "a", "With a photo",
						Wxr.meta("_thumbnail_id", "9"),
						Wxr.comment(1, 0, "Reader", "r@readers.example", "", "2020-01-01 01:00:00", "1", "", "Hello"))
				.item(2, "post", "publish", "Second " + n, "second-" + n, "2020-01-02 00:00:00", "a", "Text")
				.attachment(9, 1, server.url("/uploads/photo.jpg"), "Photo", "", "")
				.xml();
			Path file = write(xml);
			int cut = xml.indexOf("<item>", xml.indexOf("</item>")) + 20;
			server.onRequest = () -> {
				try {
					Files.writeString(file, xml.substring(0, cut), StandardCharsets.UTF_8);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			};
			List<Path> mediaBefore = media();

			ImportRun run = refused(file, "importer.error.malformed", ImportProgress.Phase.WRITING);

			// the first post (and its photo and comment) had been written when the broken
			// end came
			assertThat(run.progress().failedDuring()).isEqualTo(ImportProgress.Phase.WRITING);
			assertThat(run.progress().done()).isGreaterThanOrEqualTo(2);
			assertThat(server.requests).containsExactly("/uploads/photo.jpg");
			assertThat(publishing.article("first-" + n)).isEmpty();
			assertThat(publishing.article("second-" + n)).isEmpty();
			assertThat(commentImported("wxr:late" + n + ".example", "1")).isFalse();
			assertThat(http.get("/2019/05/first-" + n + "/").status()).isEqualTo(404);
			assertThat(media()).as("photo folders after the rollback").isEqualTo(mediaBefore);
		}
	}

	private List<Path> media() throws IOException {
		if (!Files.isDirectory(site.mediaDir())) {
			return List.of();
		}
		try (Stream<Path> folders = Files.list(site.mediaDir())) {
			return folders.sorted().toList();
		}
	}

}
