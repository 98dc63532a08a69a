package org.veche.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.veche.discussion.Comment;
import org.veche.discussion.Commenter;
import org.veche.discussion.Discussions;
import org.veche.discussion.CommentLikes;
import org.veche.discussion.Reply;
import org.veche.media.PhotoLibrary;
import org.veche.media.PhotoText;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleDraft;
import org.veche.publishing.ArticleIntake;
import org.veche.publishing.ArticleLookup;
import org.veche.publishing.Newsroom;
import org.veche.site.SiteProperties;

/**
 * On the first start with an empty database (and veche.demo-content left on), fills the
 * site so that a newcomer sees a living front page, a photo story and a discussion at
 * once.
 */
@Component
@Order(10)
class DemoContent implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

	private static final String DESK = "Veche demo desk";

	private final ArticleIntake publishing;

	private final ArticleLookup articles;

	private final Newsroom newsroom;

	private final PhotoLibrary photos;

	private final Discussions discussions;

	private final CommentLikes commentLikes;

	private final SiteProperties site;

	private final Clock clock;

	DemoContent(ArticleIntake publishing, ArticleLookup articles, Newsroom newsroom, PhotoLibrary photos,
			Discussions discussions, CommentLikes commentLikes, SiteProperties site, Clock clock) {
		this.publishing = publishing;
		this.articles = articles;
		this.newsroom = newsroom;
		this.photos = photos;
		this.discussions = discussions;
		this.commentLikes = commentLikes;
		this.site = site;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!site.demoContent() || articles.deskSize() > 0) {
			return;
		}
		Instant now = clock.instant();
		publish("How Veche keeps your readers' data on your own server",
				"No trackers, no third-party fonts, no cloud filter: the discussion lives where the journalism does.",
				"""
						Every page of this site is rendered on the server and works **without JavaScript**. \
						Nothing on it asks another company's server for anything: not the fonts, not the avatars, \
						not the spam filter.

						## What we keep

						For a comment we store the name, the e-mail address (never shown), the website if you give \
						one, the text, and a *keyed hash* of your network address, so that floods can be stopped \
						without keeping the address itself.

						> A newsroom that covers protests owes its readers more than a privacy policy.

						Read more in the [project's documentation](https://example.org/veche).
						""", List.of("privacy", "about"),
				new Article.Source("Veche project", "https://example.org/veche"), now.minus(Duration.ofDays(3)));
		publish("City council approves a new riverside park after three years of debate",
				"The plan keeps the old boathouse and adds a path along the whole embankment.", """
						After three years of hearings, the council voted 21 to 9 on Tuesday evening to turn the \
						former freight yard into a public park.

						The plan keeps the **old boathouse**, which residents had campaigned to save, and adds a \
						walking and cycling path along the embankment.

						- Construction starts in spring.
						- The first section opens next autumn.
						- The budget is published on the council's site.
						""", List.of("city", "environment"), new Article.Source("City council press office", null),
				now.minus(Duration.ofDays(2)));
		Article story = publish("In pictures: a night of lanterns on the river",
				"Thousands gathered on the embankment as lanterns drifted downstream.", "", List.of("city", "culture"),
				null, now.minus(Duration.ofHours(20)), Article.Kind.PHOTO_STORY);
		String[][] captions = { { "Dawn over the old town, seen from the bridge.", "Dawn over a river town" },
				{ "The market square fills up before noon.", "Roofs of the market quarter against a pale sky" },
				{ "Evening light on the embankment.", "Skyline of the embankment in evening light" },
				{ "Lanterns set out on the water after dark.", "A line of orange lanterns above the river at night" } };
		for (int i = 0; i < captions.length; i++) {
			var upload = photos.add(story.id(), DemoPhotos.draw(i),
					new PhotoText(captions[i][0], "Veche demo desk", captions[i][1]));
			if (i == 0) {
				newsroom.setCover(story.id(), upload.photo().id());
			}
		}
		Article debate = publish("Reader question: should the city ban cars from the centre on weekends?",
				"We asked, you answered. Join the discussion below.", """
						Last month the mayor floated a plan to close the historic centre to cars on Saturdays and \
						Sundays. Shopkeepers are divided; cyclists are not.

						What do you think? **Leave a reply below**: we read every comment, and the best will be \
						quoted in next week's paper.
						""", List.of("city", "transport"), null, now.minus(Duration.ofHours(6)));
		discuss(debate);
		log.info(
				"Demo content added: 4 articles, one photo story, one discussion. Start with --veche.demo-content=false to skip.");
	}

	private Article publish(String title, String lead, String body, List<String> tags, Article.Source source,
			Instant at) {
		return publish(title, lead, body, tags, source, at, Article.Kind.ARTICLE);
	}

	private Article publish(String title, String lead, String body, List<String> tags, Article.Source source,
			Instant at, Article.Kind kind) {
		return publishing.create(new ArticleDraft(kind, new ArticleDraft.Words(title, lead, body), tags, source,
				new ArticleDraft.Plan(Article.Status.PUBLISHED, at), null), null, DESK);
	}

	private void discuss(Article article) {
		var desk = new Commenter(null, null, null, true, null, null);
		String[][] thread = { { "", "Olena",
				"Yes, please. My kids could finally walk to the library without me holding my breath at every crossing." },
				{ "0", "Mark T.",
						"As long as deliveries can still come in the early morning. My bakery depends on it." },
				{ "1", "Olena", "Fair point, Mark. The plan mentions delivery windows before 10:00." },
				{ "2", "Mark T.", "Then I'm cautiously in favour. *Cautiously.*" },
				{ "", "Дмитро", "У Львові так уже роблять у центрі, і торгівля тільки виросла." },
				{ "4", "Anna", "Do you have a link to the numbers from Lviv? I'd love to read them." }, { "", "Sergei",
						"Weekend buses should run more often if cars are out. Otherwise older people are stuck." } };
		List<Comment> posted = new ArrayList<>();
		for (String[] line : thread) {
			Long parent = line[0].isEmpty() ? null : posted.get(Integer.parseInt(line[0])).id();
			String email = line[1].toLowerCase().replaceAll("[^a-z]", "") + posted.size() + "@demo.invalid";
			posted.add(discussions.post(article, new Reply(parent, line[1], email, null, line[2]), desk));
		}
		int[][] likes = { { 0, 5 }, { 1, 2 }, { 4, 3 }, { 6, 1 } };
		for (int[] like : likes) {
			for (int reader = 0; reader < like[1]; reader++) {
				var fan = new Commenter(null, null, null, false, "demo-reader-000000" + reader, null);
				commentLikes.like(posted.get(like[0]).id(), fan, true);
			}
		}
	}

}
