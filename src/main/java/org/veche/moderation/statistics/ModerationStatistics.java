package org.veche.moderation.statistics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.veche.discussion.CommentStatistics;
import org.veche.discussion.CommentStatistics.CommentDay;
import org.veche.discussion.CommentStatus;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleLookup;
import org.veche.site.SiteProperties;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Gathers the figures of the statistics page: the comments' counts from the discussion
 * module, the waits from the moderation log, the threads' titles from publishing. Days
 * are the site's ({@code veche.time-zone}), cut at the offset it has now. Each period's
 * figures are kept for {@code veche.moderation.statistics.max-age}, so a moderator who
 * reloads the page does not count 90 days again.
 */
@Service
public class ModerationStatistics {

	static final int BUSIEST = 10;

	private static final long DAY = 86_400_000L;

	private final CommentStatistics comments;

	private final DecisionTimes decisions;

	private final ArticleLookup publishing;

	private final Clock clock;

	private final SiteProperties site;

	private final Cache<StatisticsPeriod, Statistics> kept;

	ModerationStatistics(CommentStatistics comments, DecisionTimes decisions, ArticleLookup publishing, Clock clock,
			SiteProperties site, StatisticsProperties properties) {
		this.comments = comments;
		this.decisions = decisions;
		this.publishing = publishing;
		this.clock = clock;
		this.site = site;
		Duration maxAge = properties.maxAge();
		this.kept = maxAge.isPositive() ? Caffeine.newBuilder().expireAfterWrite(maxAge).build() : null;
	}

	public Statistics of(StatisticsPeriod period) {
		return kept == null ? count(period) : kept.get(period, this::count);
	}

	private Statistics count(StatisticsPeriod period) {
		Instant now = clock.instant();
		ZoneOffset offset = site.timeZone().getRules().getOffset(now);
		long offsetMillis = offset.getTotalSeconds() * 1000L;
		LocalDate today = LocalDate.ofEpochDay(Math.floorDiv(now.toEpochMilli() + offsetMillis, DAY));
		LocalDate first = today.minusDays(period.days() - 1);
		// the same cut as the SQL's (created_at + offset) / day
		Instant from = Instant.ofEpochMilli(first.toEpochDay() * DAY - offsetMillis);
		Instant to = Instant.ofEpochMilli(today.plusDays(1).toEpochDay() * DAY - offsetMillis);
		Map<LocalDate, CommentDay> posted = comments.perDay(from, to, offset)
			.stream()
			.collect(Collectors.toMap(CommentDay::day, Function.identity()));
		Map<LocalDate, DecisionTimes.Waits> waits = decisions.perDay(from.toEpochMilli(), to.toEpochMilli(),
				offsetMillis);
		var days = new ArrayList<Statistics.Day>(period.days());
		for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
			CommentDay c = posted.getOrDefault(day, new CommentDay(day, Map.of()));
			DecisionTimes.Waits w = waits.getOrDefault(day, new DecisionTimes.Waits(0, null, null));
			days.add(new Statistics.Day(day, c.count(CommentStatus.APPROVED), c.count(CommentStatus.PENDING),
					c.count(CommentStatus.SPAM), c.count(CommentStatus.TRASH), w.decided(), w.median(), w.ninetieth()));
		}
		return new Statistics(period, days, busiest(from, to));
	}

	private List<Statistics.BusyThread> busiest(Instant from, Instant to) {
		return comments.busiestThreads(from, to, BUSIEST).stream().map(thread -> {
			Article article = publishing.article(thread.articleId()).orElse(null);
			return new Statistics.BusyThread(thread.articleId(), article == null ? null : article.title(),
					article == null ? null : article.path(), thread.comments());
		}).toList();
	}

}
