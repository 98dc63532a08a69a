package org.veche.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.veche.discussion.Comment;
import org.veche.discussion.CommentAuthor;
import org.veche.discussion.CommentStatus;
import org.veche.discussion.Commenter;
import org.veche.discussion.Discussions;
import org.veche.discussion.Reply;
import org.veche.identity.SignedIn;
import org.veche.moderation.filter.FilterInput;
import org.veche.moderation.filter.FilterTask;
import org.veche.moderation.filter.LearningFilter;
import org.veche.moderation.internal.ActionLog;
import org.veche.moderation.internal.Akismet;
import org.veche.moderation.internal.Bans;
import org.veche.moderation.internal.HeldClusters;
import org.veche.moderation.internal.RaidDetector;
import org.veche.moderation.internal.Reasons;
import org.veche.moderation.internal.Reports;
import org.veche.moderation.internal.RuleSettings;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleLookup;
import org.veche.site.RejectedInput;

/**
 * The moderation module's face: the rules, the queue and the moderators' decisions, bans and readers' reports.
 * Every decision changes the comment through the discussion module, which tells the rest of the site, and is
 * written to the log.
 */
@Service
public class Moderation {

	public static final int QUEUE_PAGE = 20;

	private final RuleSettings settings;

	private final Reasons reasons;

	private final Reports reports;

	private final Bans bans;

	private final ActionLog log;

	private final Discussions discussions;

	private final ArticleLookup publishing;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final RaidDetector raids;

	private final LearningFilter filter;

	private final Akismet akismet;

	private final HeldClusters clusters;

	Moderation(RuleSettings settings, Reasons reasons, Reports reports, Bans bans, ActionLog log,
			Discussions discussions, ArticleLookup publishing, ApplicationEventPublisher events, Clock clock,
			RaidDetector raids, LearningFilter filter, Akismet akismet, HeldClusters clusters) {
		this.clusters = clusters;
		this.akismet = akismet;
		this.raids = raids;
		this.filter = filter;
		this.settings = settings;
		this.reasons = reasons;
		this.reports = reports;
		this.bans = bans;
		this.log = log;
		this.discussions = discussions;
		this.publishing = publishing;
		this.events = events;
		this.clock = clock;
	}

	public DiscussionRules rules() {
		return settings.rules();
	}

	@Transactional
	public void saveRules(DiscussionRules rules, SignedIn by) {
		settings.save(rules);
		log(by, "settings", null, "");
	}

	public Map<QueueTab, Integer> counts() {
		Map<CommentStatus, Integer> byStatus = discussions.statusCounts();
		var counts = new java.util.EnumMap<QueueTab, Integer>(QueueTab.class);
		for (QueueTab tab : QueueTab.values()) {
			counts.put(tab, tab.status() == null ? reports.reportedCount() : byStatus.getOrDefault(tab.status(), 0));
		}
		return counts;
	}

	/** A page of the tab, newest first, each comment with its article, parent, author and reasons. */
	public List<QueueItem> queue(QueueTab tab, int page) {
		int offset = Math.max(0, page - 1) * QUEUE_PAGE;
		List<Comment> comments = tab.status() == null
				? ordered(reports.reported(offset, QUEUE_PAGE))
				: discussions.withStatus(tab.status(), page, QUEUE_PAGE);
		return items(comments);
	}

	/**
	 * A page of the pending tab: the newest {@link HeldClusters#GROUPED} held comments grouped by near-identical
	 * text, each group one row (first, biggest first), then the other held comments, newest first.
	 */
	public PendingPage pendingPage(int page) {
		List<Comment> newest = discussions.withStatus(CommentStatus.PENDING, 1, HeldClusters.GROUPED);
		List<List<Comment>> groups = clusters.among(newest).stream()
			.sorted(java.util.Comparator.comparingInt((List<Comment> group) -> group.size()).reversed())
			.toList();
		var grouped = new java.util.HashSet<Long>();
		groups.forEach(group -> group.forEach(c -> grouped.add(c.id())));
		List<Comment> singles = newest.stream().filter(c -> !grouped.contains(c.id())).toList();
		int beyond = newest.size() < HeldClusters.GROUPED ? 0
				: Math.max(0, discussions.statusCounts().getOrDefault(CommentStatus.PENDING, 0) - newest.size());
		int rows = groups.size() + singles.size() + beyond;
		int from = Math.max(0, page - 1) * QUEUE_PAGE;
		int to = from + QUEUE_PAGE;
		int g = groups.size();
		int s = g + singles.size();
		var onPage = new ArrayList<Comment>(singles.subList(clamp(from - g, singles.size()), clamp(to - g, singles.size())));
		if (to > s && beyond > 0) {
			onPage.addAll(discussions.withStatusFrom(CommentStatus.PENDING, newest.size() + Math.max(0, from - s),
					to - Math.max(from, s)));
		}
		var articles = new HashMap<Long, Article>();
		List<List<Comment>> groupsOnPage = groups.subList(clamp(from, g), clamp(to, g));
		Map<Long, List<String>> why = reasons.of(groupsOnPage.stream().flatMap(List::stream).map(Comment::id).toList());
		List<HeldCluster> clustersOnPage = groupsOnPage.stream().map(members -> {
			var theirs = new HashMap<Long, Article>();
			var reasonsOfAll = new java.util.LinkedHashSet<String>();
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
		return discussions.comment(commentId).map(c -> items(List.of(c)).getFirst());
	}

	private List<Comment> ordered(List<Long> ids) {
		Map<Long, Comment> byId = discussions.comments(ids).stream().collect(Collectors.toMap(Comment::id, Function.identity()));
		return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
	}

	private List<QueueItem> items(List<Comment> comments) {
		List<Long> ids = comments.stream().map(Comment::id).toList();
		Map<Long, List<String>> why = reasons.of(ids);
		Map<Long, Map<ReportReason, Integer>> reported = reports.openByReason(ids);
		List<Long> parentIds = comments.stream().map(Comment::parentId).filter(java.util.Objects::nonNull).toList();
		Map<Long, Comment> parents = discussions.comments(parentIds).stream()
			.collect(Collectors.toMap(Comment::id, Function.identity()));
		var articles = new HashMap<Long, Optional<Article>>();
		var items = new ArrayList<QueueItem>();
		for (Comment c : comments) {
			Article article = articles.computeIfAbsent(c.articleId(), publishing::article).orElse(null);
			CommentAuthor author = discussions.author(c.id()).orElseThrow();
			items.add(new QueueItem(c, article, c.parentId() == null ? null : parents.get(c.parentId()), author,
					why.getOrDefault(c.id(), List.of()), reported.getOrDefault(c.id(), Map.of()),
					// only a comment its author changed has earlier texts: no query for the others
					c.editedAt() != null || c.deleted() ? discussions.revisions(c.id()) : List.of()));
		}
		return items;
	}

	/** Approves, marks spam or not spam, or trashes a comment; its open reports are settled by the decision. */
	@Transactional
	public void decide(long commentId, Decision decision, SignedIn by) {
		decide(commentId, decision, null, by);
	}

	/**
	 * The same decision, with the reason the moderator gave (the reasons readers report with), kept in the log.
	 * @param reason why, or null
	 */
	@Transactional
	public void decide(long commentId, Decision decision, ReportReason reason, SignedIn by) {
		Comment comment = comment(commentId);
		discussions.changeStatus(commentId, decision.to());
		reports.resolve(commentId, clock.instant());
		teach(comment, decision);
		// Akismet learns from corrections only; the address was never kept, so none is sent
		if (akismet.enabled() && (decision == Decision.SPAM || decision == Decision.NOT_SPAM)) {
			String email = discussions.author(commentId).map(CommentAuthor::email).orElse("");
			var submission = new Akismet.Submission(comment.body(), comment.authorName(), email, comment.authorUrl(),
					"", null);
			afterCommit(decision == Decision.SPAM ? () -> akismet.submitSpam(submission)
					: () -> akismet.submitHam(submission));
		}
		log(by, decision.param(), commentId, comment.status().name().toLowerCase(java.util.Locale.ROOT) + " \u2192 "
				+ decision.to().name().toLowerCase(java.util.Locale.ROOT) + (reason == null ? "" : " (" + reason.param() + ")"));
	}

	/** Decides every comment of a raid's cluster at once. @return how many there were */
	@Transactional
	public int decideCluster(long cluster, Decision decision, SignedIn by) {
		List<Long> members = reasons.withReason(Reasons.of("moderation.reason.raid", cluster));
		if (members.isEmpty()) {
			throw new RejectedInput(HttpStatus.NOT_FOUND, "moderation.cluster.notFound");
		}
		members.forEach(id -> decide(id, decision, by));
		log(by, "cluster", cluster, decision.param() + " \u00d7 " + members.size());
		return members.size();
	}

	/** Whether the owner turned on Akismet, which then receives every new comment (for the privacy page). */
	public boolean akismetEnabled() {
		return akismet.enabled();
	}

	/** The fields of each comment sent to Akismet when it is on. */
	public List<String> akismetSends() {
		return Akismet.SENT;
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
	 * A decision is a labelled example for the learning filter: approve and not spam teach "fine" for both
	 * classifiers, spam teaches spam, abusive teaches abuse; a plain trash says nothing. Taught after the
	 * commit, so a decision that is rolled back teaches nothing.
	 */
	private void teach(Comment comment, Decision decision) {
		String email = discussions.author(comment.id()).map(CommentAuthor::email).orElse(null);
		boolean first = reasons.of(List.of(comment.id()))
			.getOrDefault(comment.id(), List.of())
			.stream()
			.anyMatch(r -> r.startsWith("moderation.reason.firstComment"));
		var input = new FilterInput(comment.body(), comment.authorName(), email, comment.authorUrl(), first, first);
		Runnable lesson = switch (decision) {
			case APPROVE, NOT_SPAM -> () -> {
				filter.learn(FilterTask.SPAM, input, false);
				filter.learn(FilterTask.ABUSE, input, false);
			};
			case SPAM -> () -> filter.learn(FilterTask.SPAM, input, true);
			case ABUSIVE -> () -> filter.learn(FilterTask.ABUSE, input, true);
			case TRASH -> () -> {
			};
		};
		afterCommit(lesson);
	}

	private static void afterCommit(Runnable lesson) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					lesson.run();
				}
			});
		}
		else {
			lesson.run();
		}
	}

	@Transactional
	public void edit(long commentId, String body, SignedIn by) {
		comment(commentId);
		discussions.edit(commentId, body);
		log(by, "edit", commentId, "");
	}

	/** Makes an approved comment an editors' pick, or no longer one; logged when it changed. */
	@Transactional
	public void feature(long commentId, boolean featured, SignedIn by) {
		comment(commentId);
		if (discussions.feature(commentId, featured)) {
			log(by, featured ? "feature" : "unfeature", commentId, "");
		}
	}

	/** Where the comment stands in its thread (first page when it is not shown), for a moderator's way back. */
	public String threadLink(long commentId) {
		Comment comment = comment(commentId);
		String path = publishing.article(comment.articleId()).map(Article::path).orElse("/");
		return path + "?cpage=" + discussions.pageOf(comment, org.veche.discussion.ThreadOrder.OLDEST) + "#"
				+ comment.anchor();
	}

	/** A moderator's answer from the queue: a held comment is approved first, as WordPress's "Approve and Reply". */
	@Transactional
	public Comment reply(long commentId, String body, SignedIn by, String address) {
		Comment comment = comment(commentId);
		if (!comment.isApproved()) {
			decide(commentId, Decision.APPROVE, by);
		}
		Article article = publishing.article(comment.articleId())
			.orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "article.notFound"));
		Comment reply = discussions.post(article, new Reply(commentId, null, null, null, body),
				new Commenter(by.accountId(), by.displayName(), by.account().email(), true, null, address));
		log(by, "reply", commentId, "#" + reply.id());
		return reply;
	}

	/**
	 * Bans the comment's author by every handle the comment has (account, e-mail, address hash).
	 * @param length how long, or null for good
	 */
	@Transactional
	public long ban(long commentId, Duration length, String note, SignedIn by) {
		comment(commentId);
		CommentAuthor author = discussions.author(commentId).orElseThrow();
		Instant now = clock.instant();
		long id = bans.add(author.accountId(), author.email(), author.addressHash(), note == null ? "" : note.strip(),
				by.accountId(), now, length == null ? null : now.plus(length));
		log(by, "ban", commentId, (length == null ? "for good" : length.toDays() + " d") + (note == null || note.isBlank() ? "" : ": " + note.strip()));
		return id;
	}

	@Transactional
	public void lift(long banId, SignedIn by) {
		if (!bans.lift(banId, clock.instant())) {
			throw new RejectedInput(HttpStatus.NOT_FOUND, "moderation.ban.notFound");
		}
		log(by, "lift-ban", null, "#" + banId);
	}

	public List<Ban> bans() {
		return bans.inForce(clock.instant(), 200);
	}

	/**
	 * A reader's report. The comment is held for review when its open reports reach the site's number; a reader
	 * who reports the same comment twice is counted once.
	 * @param reporter who reports: their account, else their address hash
	 */
	@Transactional
	public CommentReported report(long commentId, ReportReason reason, String reporter) {
		Comment comment = discussions.comment(commentId)
			.filter(Comment::isApproved)
			.orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "comment.notFound"));
		Instant now = clock.instant();
		boolean fresh = reports.add(commentId, comment.articleId(), reason, reporter, now);
		int open = reports.open(commentId);
		boolean held = fresh && open >= settings.rules().reportsToHold();
		if (held) {
			discussions.changeStatus(commentId, CommentStatus.PENDING);
			reasons.add(commentId, List.of(Reasons.of("moderation.reason.reports", open)), now);
			log.add(null, "", "hold", commentId, open + " reports", now);
		}
		var reported = new CommentReported(commentId, comment.articleId(), reason, open, held);
		if (fresh) {
			events.publishEvent(reported);
		}
		return reported;
	}

	public List<LoggedAction> log(int page) {
		return log.latest(Math.max(0, page - 1) * 50, 50);
	}

	public int logSize() {
		return log.size();
	}

	private Comment comment(long id) {
		return discussions.comment(id).orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "comment.notFound"));
	}

	private void log(SignedIn by, String action, Long commentId, String detail) {
		log.add(by.accountId(), by.displayName(), action, commentId, detail, clock.instant());
	}

}
