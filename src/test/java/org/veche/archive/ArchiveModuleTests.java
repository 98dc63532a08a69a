package org.veche.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.veche.backup.BackupRefused;
import org.veche.backup.BackupSection;
import org.veche.discussion.Commenter;
import org.veche.discussion.Discussions;
import org.veche.discussion.Reply;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleDraft;
import org.veche.publishing.Publishing;
import org.veche.support.ModuleTestSite;

/**
 * The archive module with the modules whose sections it writes (site, identity, publishing, media, discussion,
 * privacy, backup): a backup holds every section's rows, a restore refuses a site that is not empty and leaves it
 * as it was, and the WordPress export carries the articles and their comments.
 */
@ApplicationModuleTest(BootstrapMode.ALL_DEPENDENCIES)
@ModuleTestSite
class ArchiveModuleTests {

	@Autowired
	Archive archive;

	@Autowired
	Publishing publishing;

	@Autowired
	Discussions discussions;

	@Test
	void aBackupHoldsTheSitesRowsAndIsNotRestoredOverAFullSite(@TempDir Path folder) throws IOException {
		Article article = publish("Archived story");
		assertThat(archive.sections()).extracting(BackupSection::name).doesNotHaveDuplicates().isNotEmpty();

		var zip = new ByteArrayOutputStream();
		ArchiveReport report = archive.backup(zip, new Progress());

		long articles = publishing.deskSize();
		assertThat(report.counts()).containsEntry("article", articles);
		assertThat(report.counts().get("comment")).isEqualTo(articles); // one comment each
		Path file = folder.resolve("site.zip");
		Files.write(file, zip.toByteArray());
		assertThatThrownBy(() -> archive.restore(file, new Progress())).isInstanceOf(BackupRefused.class)
			.hasMessageContaining("not empty");
		assertThat(publishing.deskSize()).isEqualTo(articles);
		assertThat(archive.siteIsEmpty()).isFalse();
		assertThat(discussions.approved(article.id())).hasSize(1);
	}

	@Test
	void theWordPressExportCarriesArticlesAndComments() {
		publish("Exported story");

		var out = new ByteArrayOutputStream();
		archive.wxr(out, "https://news.example/", new Progress());

		assertThat(out.toString(StandardCharsets.UTF_8)).contains("<wp:wxr_version>1.2</wp:wxr_version>")
			.contains("Exported story")
			.contains("A comment on Exported story")
			.contains("https://news.example/articles/");
	}

	private Article publish(String title) {
		Article article = publishing.create(new ArticleDraft(Article.Kind.ARTICLE, title, "", "Body", List.of(), null,
				Article.Status.PUBLISHED, null, null), null, "Module desk");
		discussions.post(article, new Reply(null, "Anna", "anna@example.org", null, "A comment on " + title),
				new Commenter(null, null, null, false, "browser", "198.51.100." + (title.length() % 200)));
		return article;
	}

}
