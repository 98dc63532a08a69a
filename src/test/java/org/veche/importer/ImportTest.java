package org.veche.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Autowired;
import org.veche.discussion.Comment;
import org.veche.discussion.CommentRecords;
import org.veche.importer.internal.ImportedIds;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleCatalogue;
import org.veche.publishing.ArticleLookup;
import org.veche.support.IntegrationTest;

/**
 * What the import tests share: running an import of a file they wrote, and finding what
 * it made by the export's own ids.
 */
abstract class ImportTest extends IntegrationTest {

	@Autowired
	protected Imports imports;

	@Autowired
	protected ImportedIds ids;

	@Autowired
	protected ArticleLookup publishing;

	@Autowired
	protected ArticleCatalogue catalogue;

	@Autowired
	protected CommentRecords records;

	static Path write(String xml) {
		try {
			Path file = Files.createTempFile("veche-import-test", ".xml");
			Files.writeString(file, xml, StandardCharsets.UTF_8);
			file.toFile().deleteOnExit();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	protected ImportRun importWxr(String xml) {
		return succeeded(imports.run(ExportFormat.WXR, write(xml)));
	}

	protected ImportRun importDisqus(String xml) {
		return succeeded(imports.run(ExportFormat.DISQUS, write(xml)));
	}

	static ImportRun succeeded(ImportRun run) {
		assertThat(run.failure()).as("import failure: %s", run.failure() == null ? "" : run.failure().getMessage())
			.isNull();
		assertThat(run.succeeded()).isTrue();
		return run;
	}

	/** The source key WordPress items of this site are remembered under. */
	static String wxrSource(String site) {
		return "wxr:" + site.replaceAll("^https?://", "").replaceAll("/+$", "").toLowerCase();
	}

	protected Article article(String site, long postId) {
		long id = ids.find(wxrSource(site), ImportedIds.Kind.ARTICLE, String.valueOf(postId))
			.orElseThrow(() -> new AssertionError("post " + postId + " was not imported"));
		return publishing.article(id).orElseThrow();
	}

	protected boolean imported(String site, long postId) {
		return ids.find(wxrSource(site), ImportedIds.Kind.ARTICLE, String.valueOf(postId)).isPresent();
	}

	protected Comment comment(String source, String sourceId) {
		long id = ids.find(source, ImportedIds.Kind.COMMENT, sourceId)
			.orElseThrow(() -> new AssertionError("comment " + sourceId + " was not imported"));
		return records.comment(id).orElseThrow();
	}

	protected boolean commentImported(String source, String sourceId) {
		return ids.find(source, ImportedIds.Kind.COMMENT, sourceId).isPresent();
	}

}
