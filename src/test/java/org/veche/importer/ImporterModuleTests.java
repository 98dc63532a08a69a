package org.veche.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.veche.discussion.Comment;
import org.veche.discussion.CommentRecords;
import org.veche.publishing.Article;
import org.veche.support.ModuleTestSite;
import org.veche.publishing.ArticleCatalogue;
import org.veche.publishing.ArticleLookup;

/**
 * The import module with what it writes through (publishing, media, discussion, embed and
 * what they stand on): a WordPress export becomes an article with its approved comments,
 * and importing it again changes nothing.
 */
@ApplicationModuleTest(BootstrapMode.ALL_DEPENDENCIES)
@ModuleTestSite
class ImporterModuleTests {

	@Autowired
	Imports imports;

	@Autowired
	ArticleCatalogue catalogue;

	@Autowired
	ArticleLookup articles;

	@Autowired
	CommentRecords records;

	@Test
	void aWordPressExportIsBroughtInOnce(@TempDir Path folder) throws IOException {
		Path export = folder.resolve("blog.xml");
		Files.writeString(export, new Wxr("1.2", "https://blog.example").author("editor", "Olena Editor")
			.item(10, "post", "publish", "The square at noon", "square-at-noon", "2019-05-06 10:00:00", "editor",
					"People gathered.", Wxr.tag("Protest", "protest"),
					Wxr.comment(100, 0, "First", "first@readers.example", "", "2019-05-06 11:00:00", "1", "",
							"Was there."),
					Wxr.comment(101, 100, "Second", "second@readers.example", "", "2019-05-06 12:00:00", "1", "",
							"Me too."),
					Wxr.comment(102, 0, "Spammer", "spam@spam.example", "", "2019-05-06 12:30:00", "spam", "", "Buy"))
			.xml());

		ImportRun run = imports.run(ExportFormat.WXR, export);

		assertThat(run.failure()).isNull();
		Article article = catalogue.published("square-at-noon").orElseThrow();
		assertThat(article.authorName()).isEqualTo("Olena Editor");
		assertThat(article.publishedAt()).isEqualTo(Instant.parse("2019-05-06T10:00:00Z"));
		assertThat(article.tags()).containsExactly("protest");
		assertThat(records.approved(article.id())).extracting(Comment::authorName)
			.containsExactlyInAnyOrder("First", "Second");

		long desk = articles.deskSize();
		ImportRun again = imports.run(ExportFormat.WXR, export);

		assertThat(again.failure()).isNull();
		assertThat(articles.deskSize()).isEqualTo(desk);
		assertThat(records.approved(article.id())).hasSize(2);
	}

}
