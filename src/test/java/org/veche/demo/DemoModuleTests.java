package org.veche.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.veche.discussion.CommentRecords;
import org.veche.media.PhotoLibrary;
import org.veche.publishing.ArticleSummary;
import org.veche.support.ModuleTestSite;
import org.veche.discussion.Threads;
import org.veche.publishing.ArticleCatalogue;
import org.veche.publishing.ArticleLookup;

/**
 * The demo module with what it fills (publishing, media, discussion and what they stand
 * on), started on an empty site with demo content left on: a newcomer sees articles, a
 * photo story with its gallery and a lively discussion, and a second run adds nothing.
 */
@ApplicationModuleTest(BootstrapMode.ALL_DEPENDENCIES)
@ModuleTestSite
class DemoModuleTests {

	@Autowired
	DemoContent demo;

	@Autowired
	ArticleCatalogue catalogue;

	@Autowired
	ArticleLookup articles;

	@Autowired
	PhotoLibrary photos;

	@Autowired
	CommentRecords records;

	@Autowired
	Threads threads;

	@Test
	void anEmptySiteStartsWithDemoContentOnce() {
		assertThat(catalogue.latest(1, 10).articles()).hasSize(4);
		assertThat(catalogue.photoStories(10)).singleElement().satisfies(story -> {
			assertThat(story.title()).startsWith("In pictures");
			assertThat(photos.gallery(story.id())).hasSizeGreaterThan(1);
		});
		long mostDiscussed = threads.mostDiscussed(1).getFirst();
		assertThat(records.approved(mostDiscussed)).hasSizeGreaterThan(3);

		demo.run(null);

		assertThat(articles.deskSize()).isEqualTo(4);
		assertThat(catalogue.latest(1, 10).articles()).extracting(ArticleSummary::title).doesNotHaveDuplicates();
	}

}
