package org.veche.moderation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.veche.discussion.Comment;
import org.veche.discussion.CommentAuthor;
import org.veche.discussion.CommentQueues;
import org.veche.discussion.CommentRecords;
import org.veche.discussion.CommentStatus;
import org.veche.moderation.internal.HeldClusters;
import org.veche.moderation.internal.RaidDetector;
import org.veche.moderation.internal.Reasons;
import org.veche.moderation.internal.Reports;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleLookup;
import org.veche.site.RejectedInput;

/**
 * What moderators read before they decide: the queue's tabs and their counts, each
 * comment with its article, parent, author and reasons, the threads under a raid, and the
 * way back to a comment in its thread.
 */
@Service
public class ModerationQueue {

	public static final int QUEUE_PAGE = 20;

	private final Reasons reasons;

	private final Reports reports;

	private final CommentQueues queues;

	private final CommentRecords records;

	private final ArticleLookup publishing;

	private final Clock clock;

	private final RaidDetector raids;

	private final HeldClusters clusters;

	ModerationQueue(Reasons reasons, Reports reports, CommentQueues queues, CommentRecords records,
			ArticleLookup publishing, Clock clock, RaidDetector raids, HeldClusters clusters) {
		this.reasons = reasons;
		this.reports = reports;
		this.queues = queues;
		this.records = records;
		this.publishing = publishing;
		this.clock = clock;
		this.raids = raids;
		this.clusters = clusters;
	}

	public Map<QueueTab, Integer> counts() {
		Map<CommentStatus, Integer> byStatus = queues.statusCounts();
		var counts = new java.util.EnumMap<QueueTab, Integer>(QueueTab.class);
		for (QueueTab tab : QueueTab.values()) {
			counts.put(tab, tab.status() == null ? reports.reportedCount() : byStatus.getOrDefault(tab.status(), 0));
		}
		return counts;
	}

	/**
	 * A page of the tab, newest first, each comment with its article, parent, author and
	 * reasons.
	 */
	public List<QueueItem> queue(QueueTab tab, int page) {
		int offset = Math.max(0, page - 1) * QUEUE_PAGE;
		List<Comment> comments = tab.status() == null ? ordered(reports.reported(offset, QUEUE_PAGE))
				: queues.withStatus(tab.status(), page, QUEUE_PAGE);
		return items(comments);
	}

	/**
	 * A page of the pending tab: the newest {@link HeldClusters#GROUPED} held comments
	 * grouped by near-identical text, each group one row (first, biggest first), then the
	 * other held comments, newest first.
	 */
	public PendingPage pendingPage(int page) {
		List<Comment> newest = queues.withStatus(CommentStatus.PENDING, 1, HeldClusters.GROUPED);
		List<List<Comment>> groups = clusters.among(newest)
			.stream()
			.sorted(java.util.Comparator.comparingInt((List<Comment> group) -> group.size()).reversed())
			.toList();
		var grouped = new java.util.HashSet<Long>();
		groups.forEach(group -> group.forEach(c -> grouped.add(c.id())));
		List<Comment> singles = newest.stream().filter(c -> !grouped.contains(c.id())).toList();
		int beyond = newest.size() < HeldClusters.GROUPED ? 0
				: Math.max(0, queues.statusCounts().getOrDefault(CommentStatus.PENDING, 0) - newest.size());
		int rows = groups.size() + singles.size() + beyond;
		int from = Math.max(0, page - 1) * QUEUE_PAGE;
		int to = from + QUEUE_PAGE;
		int g = groups.size();
		int s = g + singles.size();
		var onPage = new ArrayList<Comment>(
				singles.subList(clamp(from - g, singles.size()), clamp(to - g, singles.size())));
		if (to > s && beyond > 0) {
			onPage.addAll(queues.withStatusFrom(CommentStatus.PENDING, newest.size() + Math.max(0, from - s),
					to - Math.max(from, s)));
		}
		var articles = new HashMap<Long, Article>();
		List<List<Comment>> groupsOnPage = groups.subList(clamp(from, g), clamp(to, g));
		Map<Long, List<Reason>> why = reasons.of(groupsOnPage.stream().flatMap(List::stream).map(Comment::id).toList());
		List<HeldCluster> clustersOnPage = groupsOnPage.stream().map(members -> {
			var theirs = new HashMap<Long, Article>();
			var reasonsOfAll = new java.util.LinkedHashSet<Reason>();
			for (Comment c : members) {
				articles.computeIfAbsent(c.articleId(), id -> publishing.article(id).orElse(null));
				if (articles.get(c.articleId()) != null) {
					theirs.put(c.articleId(), articles.get(c.articleId()));
				}
				reasonsOfAll.addAll(why.getOrDefault(c.id(), List.of()));
			}
			return new HeldCluster(members, theirs, List.copyOf(reasonsOfAll));
		}).toList();
		return new PendingPage(clustersOnPage, items(onPage), Math.max(1, (rows + QUEUE_PAGE - 1) / QUEUE_PAGE));
	}

	private static int clamp(int index, int size) {
		return Math.min(Math.max(0, index), size);
	}

	public Optional<QueueItem> item(long commentId) {
		return records.comment(commentId).map(c -> items(List.of(c)).getFirst());
	}

	private List<Comment> ordered(List<Long> ids) {
		Map<Long, Comment> byId = records.comments(ids)
			.stream()
			.collect(Collectors.toMap(Comment::id, Function.identity()));
		return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
	}

	private List<QueueItem> items(List<Comment> comments) {
		List<Long> ids = comments.stream().map(Comment::id).toList();
		Map<Long, List<Reason>> why = reasons.of(ids);
		Map<Long, Map<ReportReason, Integer>> reported = reports.openByReason(ids);
		List<Long> parentIds = comments.stream().map(Comment::parentId).filter(java.util.Objects::nonNull).toList();
		Map<Long, Comment> parents = records.comments(parentIds)
			.stream()
			.collect(Collectors.toMap(Comment::id, Function.identity()));
		var articles = new HashMap<Long, Optional<Article>>();
		var items = new ArrayList<QueueItem>();
		for (Comment c : comments) {
			Article article = articles.computeIfAbsent(c.articleId(), publishing::article).orElse(null);
			CommentAuthor author = records.author(c.id()).orElseThrow();
			items.add(new QueueItem(c, article, c.parentId() == null ? null : parents.get(c.parentId()), author,
					why.getOrDefault(c.id(), List.of()), reported.getOrDefault(c.id(), Map.of()),
					// only a comment its author changed has earlier texts: no query for
					// the others
					c.editedAt() != null || c.deleted() ? records.revisions(c.id()) : List.of()));
		}
		return items;
	}

	/** Threads that a raid switched to pre-moderation, and until when. */
	public List<RaidedThread> raidedThreads() {
		var threads = new ArrayList<RaidedThread>();
		raids.premoderated(clock.instant())
			.forEach((articleId, until) -> publishing.article(articleId)
				.ifPresent(article -> threads.add(new RaidedThread(article, until))));
		return threads;
	}

	/**
	 * Where the comment stands in its thread (first page when it is not shown), for a
	 * moderator's way back.
	 */
	public String threadLink(long commentId) {
		Comment comment = records.comment(commentId)
			.orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "comment.notFound"));
		String path = publishing.article(comment.articleId()).map(Article::path).orElse("/");
		return path + "?cpage=" + records.pageOf(comment, org.veche.discussion.ThreadOrder.OLDEST) + "#"
				+ comment.anchor();
	}

}
