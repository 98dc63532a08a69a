package org.veche.importer.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.veche.discussion.CommentKind;
import org.veche.discussion.CommentStatus;
import org.veche.discussion.CommentIntake;
import org.veche.discussion.ImportedComment;
import org.veche.embed.EmbeddedPage;
import org.veche.embed.EmbeddedPages;
import org.veche.embed.PageUrl;
import org.veche.importer.ImportFailed;
import org.veche.importer.ImportProgress;
import org.veche.importer.ImportReport;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleLookup;

/**
 * A Disqus export brought into the articles its threads belong to: a thread matches an
 * article by its link (the article's own address, the source it cites, or the old
 * WordPress address it was imported from) or by the identifier the WordPress plugin gave
 * it ("100 https://blog.example/?p=100"). A thread of a page that is no article here (a
 * static site's post) becomes that page's embedded discussion, through the embed module,
 * so the page's embed shows its old comments; a thread whose link is no page address is
 * listed with its posts left out. As for WordPress: check the whole file first, then
 * write in one transaction; posts an earlier import brought in are recognised by their
 * Disqus id.
 */
@Component
public class DisqusImport {

	private static final Set<String> RECORDS = Set.of("thread", "post");

	private final ArticleLookup publishing;

	private final CommentIntake commentIntake;

	private final ImportedIds ids;

	private final OldPermalinks permalinks;

	private final EmbeddedPages embedded;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DisqusImport(ArticleLookup publishing, CommentIntake commentIntake, ImportedIds ids, OldPermalinks permalinks,
			EmbeddedPages embedded, TransactionTemplate transaction, Clock clock) {
		this.embedded = embedded;
		this.publishing = publishing;
		this.commentIntake = commentIntake;
		this.ids = ids;
		this.permalinks = permalinks;
		this.transaction = transaction;
		this.clock = clock;
	}

	record Thread(String id, String identifier, String link, String title, String forum) {
	}

	public void run(Path file, ImportProgress progress, ImportReport report) {
		progress.begin(ImportProgress.Phase.CHECKING, 0);
		var threads = new LinkedHashMap<String, Thread>();
		var postsOf = new HashMap<String, Integer>();
		long[] posts = { 0 };
		String[] root = { null };
		XmlRecords.read(file, name -> root[0] = name, RECORDS, node -> {
			progress.step();
			if (node.name().equals("thread")) {
				String id = node.attribute("dsq:id");
				threads.put(id, new Thread(id, node.text("id"), node.text("link"),
						Clean.line(HtmlText.unescape(node.text("title")), 300), node.text("forum")));
			}
			else {
				posts[0]++;
				postsOf.merge(node.child("thread") == null ? "" : node.child("thread").attribute("dsq:id"), 1,
						Integer::sum);
			}
		});
		if (!"disqus".equals(root[0])) {
			throw new ImportFailed("importer.error.notDisqus",
					"This is not a Disqus export: its root is not <disqus>.");
		}
		var articleOf = new HashMap<String, Long>();
		var pages = new LinkedHashMap<String, Thread>();
		for (Thread thread : threads.values()) {
			var article = match(thread);
			if (article.isPresent()) {
				articleOf.put(thread.id(), article.get());
			}
			else if (postsOf.containsKey(thread.id()) && isPage(thread.link())) {
				pages.put(thread.id(), thread);
			}
		}
		progress.begin(ImportProgress.Phase.WRITING, posts[0]);
		transaction.executeWithoutResult(status -> {
			// decided above, made here: the pages' threads are part of the one
			// transaction
			for (Thread page : pages.values()) {
				articleOf.put(page.id(), embedded.findOrCreate(page.link(), page.title()).articleId());
				report.count("importer.count.embeddedPages");
			}
			write(file, threads, articleOf, progress, report);
		});
	}

	private static boolean isPage(String link) {
		try {
			PageUrl.of(link);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private Optional<Long> match(Thread thread) {
		Optional<Long> byLink = OldAddresses.ofUrl(thread.link()).flatMap(address -> {
			if (address.startsWith("/articles/")) {
				var own = publishing.article(address.substring("/articles/".length()));
				if (own.isPresent()) {
					return own.map(Article::id);
				}
			}
			return permalinks.article(address);
		});
		if (byLink.isPresent()) {
			return byLink;
		}
		var cited = publishing.citing(thread.link());
		if (cited.isPresent()) {
			return cited.map(Article::id);
		}
		var page = embedded.find(thread.link());
		if (page.isPresent()) {
			return page.map(EmbeddedPage::articleId);
		}
		// the WordPress plugin's identifier starts with the post's id
		String identifier = thread.identifier();
		String postId = identifier.matches("[0-9]+( .*)?") ? identifier.split(" ")[0] : null;
		if (postId != null) {
			var imported = ids.anyArticle("wxr:", postId);
			if (imported.isPresent()) {
				return imported;
			}
		}
		return identifier.isEmpty() ? Optional.empty() : OldAddresses.ofUrl(identifier).flatMap(permalinks::article);
	}

	private void write(Path file, Map<String, Thread> threads, Map<String, Long> articleOf, ImportProgress progress,
			ImportReport report) {
		Instant now = clock.instant();
		var waiting = new HashMap<String, List<XmlNode>>();
		var unmatched = new LinkedHashMap<String, Integer>();
		var touched = new HashMap<Long, Integer>();
		XmlRecords.read(file, root -> {
		}, Set.of("post"), post -> {
			progress.step();
			String threadId = post.child("thread") == null ? "" : post.child("thread").attribute("dsq:id");
			Long articleId = articleOf.get(threadId);
			if (articleId == null) {
				unmatched.merge(threadId, 1, Integer::sum);
				return;
			}
			String forum = threads.get(threadId).forum();
			add(post, "disqus:" + forum, articleId, waiting, touched, report, now);
		});
		for (var left : waiting.entrySet()) {
			for (XmlNode orphan : left.getValue()) {
				report.skip("importer.skip.disqusOrphan", orphan.attribute("dsq:id"), left.getKey());
			}
		}
		for (var thread : unmatched.entrySet()) {
			Thread t = threads.get(thread.getKey());
			report.keptAsLink("importer.link.thread", t == null ? thread.getKey() : t.link(),
					t == null ? "" : t.title(), thread.getValue());
		}
		for (var thread : threads.values()) {
			if (!articleOf.containsKey(thread.id()) && !unmatched.containsKey(thread.id())) {
				report.count("importer.count.emptyThreads");
			}
		}
		touched.forEach(commentIntake::importedInto);
		report.count("importer.count.threads", articleOf.size());
	}

	/**
	 * Adds the post, or keeps it waiting for its parent; then the replies that waited for
	 * it.
	 */
	private void add(XmlNode post, String source, long articleId, Map<String, List<XmlNode>> waiting,
			Map<Long, Integer> touched, ImportReport report, Instant now) {
		String id = post.attribute("dsq:id");
		String parentRef = post.child("parent") == null ? "" : post.child("parent").attribute("dsq:id");
		Long parentId = null;
		if (!parentRef.isEmpty()) {
			parentId = ids.find(source, ImportedIds.Kind.COMMENT, parentRef).orElse(null);
			if (parentId == null) {
				waiting.computeIfAbsent(parentRef, k -> new ArrayList<>()).add(post);
				return;
			}
		}
		Long commentId = ids.find(source, ImportedIds.Kind.COMMENT, id).orElse(null);
		if (commentId != null) {
			report.count("importer.count.commentsAlreadyThere");
		}
		else {
			commentId = insert(post, id, articleId, parentId, report, now);
			if (commentId == null) {
				return;
			}
			ids.remember(source, ImportedIds.Kind.COMMENT, id, commentId, now);
			touched.merge(articleId, 1, Integer::sum);
		}
		for (XmlNode reply : waiting.getOrDefault(id, List.of())) {
			add(reply, source, articleId, waiting, touched, report, now);
		}
		waiting.remove(id);
	}

	private Long insert(XmlNode post, String id, long articleId, Long parentId, ImportReport report, Instant now) {
		String body = Clean.text(HtmlText.commentMarkdown(post.rawText("message")));
		if (body.isBlank()) {
			report.skip("importer.skip.emptyComment", id);
			return null;
		}
		CommentStatus status = bool(post, "isSpam") ? CommentStatus.SPAM
				: bool(post, "isDeleted") ? CommentStatus.TRASH
						: post.child("isApproved") != null && !bool(post, "isApproved") ? CommentStatus.PENDING
								: CommentStatus.APPROVED;
		XmlNode author = post.child("author");
		String name = author == null ? "" : Clean.line(HtmlText.unescape(author.text("name")), 100);
		if (name.isEmpty() && author != null) {
			name = Clean.line(author.text("username"), 100);
		}
		String url = author == null ? null : Clean.webAddress(author.text("link"));
		var created = Dates.iso(post.text("createdAt")).orElse(now);
		long commentId = commentIntake
			.importComment(new ImportedComment(articleId, parentId, name.isEmpty() ? "—" : name,
					author == null ? "" : Clean.email(author.text("email")), url, body, status, CommentKind.COMMENT,
					created))
			.id();
		report.count("importer.count.comments");
		report.count("importer.count.comments." + status.name().toLowerCase(Locale.ROOT));
		return commentId;
	}

	private static boolean bool(XmlNode post, String name) {
		return post.text(name).equalsIgnoreCase("true");
	}

}
