package org.veche.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.veche.backup.BackupRefused;
import org.veche.backup.BackupSection;
import org.veche.support.ModuleTestSite;
import org.veche.support.TestDesk;

/**
 * The archive module with the modules whose sections it writes (site, identity,
 * publishing, media, discussion, privacy, backup): a backup holds every section's rows, a
 * restore refuses a site that is not empty and leaves it as it was, and the WordPress
 * export carries the articles and their comments.
 */
@ApplicationModuleTest(BootstrapMode.ALL_DEPENDENCIES)
@ModuleTestSite
class ArchiveModuleTests {

	@Autowired
	Archive archive;

	@Autowired
	ApplicationContext site;

	@Test
	void aBackupHoldsTheSitesRowsAndIsNotRestoredOverAFullSite(@TempDir Path folder) throws IOException {
		publish("Archived story");
		assertThat(archive.sections()).extracting(BackupSection::name).doesNotHaveDuplicates().isNotEmpty();

		var zip = new ByteArrayOutputStream();
		ArchiveReport report = archive.backup(zip, new Progress());

		assertThat(report.counts().get("article")).isPositive();
		assertThat(report.counts().get("comment")).as("one comment on each article")
			.isEqualTo(report.counts().get("article"));
		Path file = folder.resolve("site.zip");
		Files.write(file, zip.toByteArray());
		assertThatThrownBy(() -> archive.restore(file, new Progress())).isInstanceOf(BackupRefused.class)
			.hasMessageContaining("not empty");
		assertThat(archive.siteIsEmpty()).isFalse();
		assertThat(archive.backup(new ByteArrayOutputStream(), new Progress()).counts())
			.as("the refused restore changed nothing")
			.isEqualTo(report.counts());
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

	private void publish(String title) {
		TestDesk.comment(site, TestDesk.article(site, title), "A comment on " + title);
	}

}
