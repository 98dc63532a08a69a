package org.veche.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;
import org.veche.site.SearchQuery;
import org.veche.support.ModuleTestSite;

/**
 * The publishing module with what it stands on (site, identity, privacy, backup): an
 * article written, listed, found by its words and announced when it goes out, at once or
 * at its scheduled time.
 */
@ApplicationModuleTest(BootstrapMode.ALL_DEPENDENCIES)
@ModuleTestSite
// the schedule's own run would publish the scheduled article before the test asks for it
@TestPropertySource(properties = "veche.publishing.schedule-check=PT1H")
class PublishingModuleTests {

	@Autowired
	ArticleIntake intake;

	@Autowired
	ArticleCatalogue catalogue;

	@Autowired
	ArticleLookup articles;

	@Autowired
	ArticleSearch search;

	@Autowired
	Newsroom newsroom;

	@Test
	void aPublishedArticleIsAnnouncedListedAndFound(AssertablePublishedEvents events) {
		Article article = intake.create(new ArticleDraft(Article.Kind.ARTICLE,
				new ArticleDraft.Words("Riverside park approved", "The council voted.", "The boathouse **stays**."),
				List.of("City", "Parks"), null, new ArticleDraft.Plan(Article.Status.PUBLISHED, null), null), null,
				"Module desk");

		assertThat(events).contains(ArticlePublished.class)
			.matchingValue(ArticlePublished::articleId, article.id())
			.matchingValue(ArticlePublished::slug, article.slug());
		assertThat(catalogue.published(article.slug())).hasValueSatisfying(found -> {
			assertThat(found.bodyHtml()).contains("<strong>stays</strong>");
			assertThat(found.tags()).containsExactly("city", "parks");
		});
		assertThat(catalogue.latest(1, 10).articles()).extracting(ArticleSummary::slug).contains(article.slug());
		assertThat(catalogue.tagged("parks", 1, 10).articles()).extracting(ArticleSummary::slug)
			.containsExactly(article.slug());
		assertThat(search.find(SearchQuery.of("boathouse"), 1, 10).items()).extracting(hit -> hit.article().slug())
			.containsExactly(article.slug());
	}

	@Test
	void aDraftIsNeitherAnnouncedNorShown(AssertablePublishedEvents events) {
		Article draft = intake
			.create(new ArticleDraft(Article.Kind.ARTICLE, new ArticleDraft.Words("Not yet", "", "Unfinished"),
					List.of(), null, new ArticleDraft.Plan(Article.Status.DRAFT, null), null), null, "Module desk");

		assertThat(events.ofType(ArticlePublished.class)).isEmpty();
		assertThat(catalogue.published(draft.slug())).isEmpty();
		assertThat(articles.article(draft.id())).isPresent();
	}

	@Test
	void aScheduledArticleGoesOutWhenItsTimeHasCome(Scenario scenario) throws InterruptedException {
		Article scheduled = intake.create(new ArticleDraft(Article.Kind.ARTICLE,
				new ArticleDraft.Words("Scheduled story", "", "Later"), List.of(), null,
				new ArticleDraft.Plan(Article.Status.SCHEDULED, Instant.now().plus(Duration.ofMillis(1500))), null),
				null, "Module desk");
		assertThat(catalogue.published(scheduled.slug())).isEmpty();
		Thread.sleep(1600);

		scenario.stimulate(() -> newsroom.publishDue())
			.andWaitForEventOfType(ArticlePublished.class)
			.matching(published -> published.articleId() == scheduled.id())
			.toArriveAndVerify(published -> assertThat(catalogue.published(published.slug())).isPresent());
	}

}
