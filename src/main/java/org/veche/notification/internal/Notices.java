package org.veche.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.veche.discussion.Comment;
import org.veche.discussion.CommentRecords;
import org.veche.discussion.ThreadOrder;
import org.veche.identity.Identity;
import org.veche.identity.Role;
import org.veche.moderation.SurgeStarted;
import org.veche.moderation.SurgeWatch;
import org.veche.notification.Cadence;
import org.veche.notification.Subscription;
import org.veche.notification.Topic;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleLookup;

/**
 * Turns what happened on the site into mail for the confirmed subscribers of it: each at
 * once into the outbox, or into the subscriber's next digest. An event's key goes with
 * every message and digest item, so handling an event twice queues nothing twice.
 */
@Component
public class Notices {

	/** How long an address waits for its confirmation before it is sent another. */
	static final Duration CONFIRMATION_AGAIN_AFTER = Duration.ofDays(1);

	private final Subscriptions subscriptions;

	private final Outbox outbox;

	private final DigestItems digestItems;

	private final Letters letters;

	private final MailLinks links;

	private final CommentRecords records;

	private final ArticleLookup publishing;

	private final Identity identity;

	private final Clock clock;

	private final SurgeWatch surges;

	Notices(Subscriptions subscriptions, Outbox outbox, DigestItems digestItems, Letters letters, MailLinks links,
			CommentRecords records, ArticleLookup publishing, Identity identity, Clock clock, SurgeWatch surges) {
		this.surges = surges;
		this.subscriptions = subscriptions;
		this.outbox = outbox;
		this.digestItems = digestItems;
		this.letters = letters;
		this.links = links;
		this.records = records;
		this.publishing = publishing;
		this.identity = identity;
		this.clock = clock;
	}

	/**
	 * Asks the reader to confirm what they asked for: one mail listing everything of
	 * theirs that waits, and no other until they follow it or a day has passed (each
	 * comment with "notify me" ticked would else send one more). What is asked for
	 * meanwhile waits with the rest and is listed in the next one.
	 */
	public void askToConfirm(List<Subscription> asked) {
		if (asked.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		long readerId = asked.get(0).subscriber().id();
		if (!subscriptions.claimConfirmation(readerId, now, now.minus(CONFIRMATION_AGAIN_AFTER))) {
			return;
		}
		List<Subscription> pending = subscriptions.unconfirmedOf(readerId);
		if (pending.isEmpty()) {
			return;
		}
		Subscription first = pending.get(0);
		Locale language = first.subscriber().language();
		String ids = pending.stream().map(s -> String.valueOf(s.id())).collect(Collectors.joining("-"));
		var items = pending.stream().map(s -> new Letters.Item(describe(s, language), "", "")).toList();
		var letter = new Letters.Letter(language, letters.t(language, "notify.mail.confirm.subject"),
				letters.t(language, "notify.mail.confirm.intro"), items,
				new Letters.Action(letters.t(language, "notify.mail.confirm.action"), links.confirm(ids)),
				letters.t(language, "notify.mail.confirm.outro"), Letters.Footer.NONE);
		// the instant too: a confirmation sent again a day later lists the same
		// subscriptions, and is mailed
		outbox.enqueue(first.subscriber().email(), "confirm:" + ids + ":" + now.toEpochMilli(), null,
				letters.write(letter), null, now);
	}

	/** What a subscription is about, in words: "Replies to your comment on ...". */
	public String describe(Subscription subscription, Locale language) {
		String key = "notify.topic." + subscription.topic().param();
		return switch (subscription.topic()) {
			case REPLIES -> letters.t(language, key,
					records.comment(subscription.targetId())
						.flatMap(c -> publishing.article(c.articleId()))
						.map(Article::title)
						.orElse("…"));
			case COMMENTS ->
				letters.t(language, key, publishing.article(subscription.targetId()).map(Article::title).orElse("…"));
			default -> letters.t(language, key);
		};
	}

	/**
	 * An approved comment: its parent's author and the article's followers hear of it,
	 * never its own author.
	 */
	public void commentVisible(long commentId) {
		Comment comment = records.comment(commentId).filter(Comment::isApproved).orElse(null);
		Article article = comment == null ? null : publishing.article(comment.articleId()).orElse(null);
		if (article == null || !article.isVisibleAt(clock.instant())) {
			return;
		}
		// one mail per address: a direct reply first, then a mention (to those following
		// replies to the comment mentioned), then the article's followers; the kind of
		// each mail is the first reason it is sent
		var recipients = new LinkedHashMap<String, Subscription>();
		var kinds = new java.util.HashMap<String, String>();
		if (comment.parentId() != null) {
			subscriptions.confirmed(Topic.REPLIES, comment.parentId()).forEach(s -> add(recipients, kinds, s, "reply"));
		}
		for (long mentioned : records.mentionedIn(comment)) {
			subscriptions.confirmed(Topic.REPLIES, mentioned).forEach(s -> add(recipients, kinds, s, "mention"));
		}
		subscriptions.confirmed(Topic.COMMENTS, article.id()).forEach(s -> add(recipients, kinds, s, "comment"));
		if (recipients.isEmpty()) {
			// the page of the comment needs the whole thread: not read for a comment
			// nobody follows (most of them), since this runs inside the comment's
			// transaction, where it held every other writer back
			return;
		}
		String url = links.absolute(
				article.path() + "?cpage=" + records.pageOf(comment, ThreadOrder.OLDEST) + "#" + comment.anchor());
		for (Subscription subscription : recipients.values()) {
			if (isAuthor(comment, subscription)) {
				continue;
			}
			Locale language = subscription.subscriber().language();
			String kind = kinds.get(subscription.subscriber().email());
			var item = new Letters.Item(letters.t(language, "notify.mail.comment.by", comment.authorName()),
					Letters.excerpt(comment.body()), url);
			instantly(subscription, "comment:" + commentId,
					letters.t(language, "notify.mail." + kind + ".subject", article.title(), comment.authorName()),
					letters.t(language, "notify.mail." + kind + ".intro", article.title(), comment.authorName()), item);
		}
	}

	private static void add(LinkedHashMap<String, Subscription> recipients, java.util.Map<String, String> kinds,
			Subscription subscription, String kind) {
		if (recipients.putIfAbsent(subscription.subscriber().email(), subscription) == null) {
			kinds.put(subscription.subscriber().email(), kind);
		}
	}

	private boolean isAuthor(Comment comment, Subscription subscription) {
		return subscription.subscriber().accountId() != null
				&& subscription.subscriber().accountId().equals(comment.accountId())
				|| records.writtenBy(comment.id(), subscription.subscriber().email());
	}

	/**
	 * A comment held for review: moderators who asked are told, at once or in their
	 * digest; not of a comment that surge mode held (the surge's one mail told them of
	 * all of those).
	 */
	public void commentHeld(long commentId) {
		if (surges.heldInSurge(commentId)) {
			return;
		}
		records.comment(commentId).filter(c -> !c.isApproved()).ifPresent(comment -> {
			String title = publishing.article(comment.articleId()).map(Article::title).orElse("…");
			for (Subscription subscription : moderators(Topic.HELD)) {
				Locale language = subscription.subscriber().language();
				var item = new Letters.Item(letters.t(language, "notify.mail.held.item", comment.authorName(), title),
						Letters.excerpt(comment.body()), links.absolute(QUEUE_PATH));
				announce(subscription, "held:" + commentId, "notify.mail.held", language, item, title,
						comment.authorName());
			}
		});
	}

	/**
	 * The site went into surge mode: the moderators who asked for mail of held comments
	 * are told at once, whatever their cadence (an attack does not wait for tomorrow's
	 * digest), once per surge.
	 */
	public void surgeStarted(SurgeStarted surge) {
		List<String> titles = surge.threadIds()
			.stream()
			.map(id -> publishing.article(id).map(Article::title).orElse("#" + id))
			.toList();
		for (Subscription subscription : moderators(Topic.HELD)) {
			Locale language = subscription.subscriber().language();
			String threads = titles.stream()
				.map(title -> letters.t(language, "notify.mail.surge.thread", title))
				.collect(Collectors.joining(", "));
			var item = new Letters.Item(
					letters.t(language, surge.siteWide() ? "notify.mail.surge.itemSiteWide" : "notify.mail.surge.item",
							surge.comments(), surge.threadIds().size(), surge.addresses()),
					threads, links.absolute(QUEUE_PATH));
			instantly(subscription, "surge:" + surge.surgeId(),
					letters.t(language, "notify.mail.surge.subject", surge.threadIds().size()),
					letters.t(language, "notify.mail.surge.intro"), item);
		}
	}

	/** Where moderators review held and reported comments. */
	static final String QUEUE_PATH = "/moderation";

	/**
	 * A reader reported a comment: moderators who asked are told.
	 * @param reasonKey the message key of the reader's reason
	 * @param reportKey what makes this report one event (the comment and the count of its
	 * reports)
	 */
	public void commentReported(long commentId, String reasonKey, String reportKey) {
		records.comment(commentId).ifPresent(comment -> {
			String title = publishing.article(comment.articleId()).map(Article::title).orElse("…");
			for (Subscription subscription : moderators(Topic.REPORTS)) {
				Locale language = subscription.subscriber().language();
				String reason = letters.t(language, reasonKey);
				var item = new Letters.Item(
						letters.t(language, "notify.mail.report.item", comment.authorName(), title, reason),
						Letters.excerpt(comment.body()), links.absolute(QUEUE_PATH));
				announce(subscription, "report:" + reportKey, "notify.mail.report", language, item, title,
						comment.authorName());
			}
		});
	}

	/**
	 * Moderator subscriptions whose account still moderates: a role taken away ends the
	 * mail.
	 */
	private List<Subscription> moderators(Topic topic) {
		var found = new ArrayList<Subscription>();
		for (Subscription subscription : subscriptions.confirmed(topic, 0)) {
			if (subscription.subscriber().accountId() != null && isModerator(subscription.subscriber().accountId())) {
				found.add(subscription);
			}
		}
		return found;
	}

	private static boolean moderates(Role role) {
		return role == Role.MODERATOR || role == Role.ADMINISTRATOR;
	}

	/**
	 * Whether the account may get moderators' mail: a moderator or administrator, not
	 * suspended.
	 */
	public boolean isModerator(long accountId) {
		return identity.account(accountId).filter(a -> !a.suspended() && moderates(a.role())).isPresent();
	}

	/**
	 * A newly published article: its subscribers hear of it at once or in their digest.
	 */
	public void articlePublished(long articleId) {
		publishing.article(articleId).filter(a -> a.isVisibleAt(clock.instant())).ifPresent(article -> {
			String url = links.absolute(article.path());
			for (Subscription subscription : subscriptions.confirmed(Topic.ARTICLES, 0)) {
				var item = new Letters.Item(article.title(), article.lead() == null ? "" : article.lead(), url);
				announce(subscription, "article:" + articleId, "notify.mail.article",
						subscription.subscriber().language(), item, article.title(), article.authorName());
			}
		});
	}

	private void announce(Subscription subscription, String eventKey, String prefix, Locale language, Letters.Item item,
			Object... args) {
		if (subscription.cadence() == Cadence.INSTANT) {
			instantly(subscription, eventKey, letters.t(language, prefix + ".subject", args),
					letters.t(language, prefix + ".intro", args), item);
		}
		else {
			digestItems.add(subscription.id(), eventKey, item, clock.instant());
		}
	}

	private void instantly(Subscription subscription, String eventKey, String subject, String intro,
			Letters.Item item) {
		Locale language = subscription.subscriber().language();
		String unsubscribe = links.unsubscribe(subscription.id());
		var letter = new Letters.Letter(language, subject, intro, List.of(item),
				new Letters.Action(letters.t(language, "notify.mail.open"), item.url()), null,
				new Letters.Footer(why(subscription), unsubscribe, links.manage(subscription.subscriber().id())));
		outbox.enqueue(subscription.subscriber().email(), eventKey, subscription.id(), letters.write(letter),
				unsubscribe, clock.instant());
	}

	public String why(Subscription subscription) {
		return letters.t(subscription.subscriber().language(), "notify.mail.why",
				describe(subscription, subscription.subscriber().language()));
	}

	public Instant now() {
		return clock.instant();
	}

}
