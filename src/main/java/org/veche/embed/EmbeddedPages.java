package org.veche.embed;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.veche.discussion.Comment;
import org.veche.discussion.Commenter;
import org.veche.discussion.Discussions;
import org.veche.discussion.Reply;
import org.veche.discussion.Threads;
import org.veche.embed.internal.AllowedOrigins;
import org.veche.embed.internal.Pages;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleIntake;
import org.veche.publishing.ArticleLookup;
import org.veche.site.RejectedInput;

/**
 * The embed module's face: which thread discusses a page of another site. A page gets its
 * thread (an article of kind EXTERNAL_PAGE) with its first comment, and only when the
 * owner allows the page's site.
 */
@Service
public class EmbeddedPages {

	static final int MAX_TITLE = 300;

	/** How many addresses one count request may ask about. */
	public static final int MAX_COUNTS = 100;

	private final Pages pages;

	private final ArticleLookup lookup;

	private final ArticleIntake intake;

	private final Discussions discussions;

	private final Threads threads;

	private final AllowedOrigins origins;

	private final TransactionTemplate transactions;

	private final Clock clock;

	EmbeddedPages(Pages pages, ArticleLookup lookup, ArticleIntake intake, Discussions discussions, Threads threads,
			AllowedOrigins origins, TransactionTemplate transactions, Clock clock) {
		this.pages = pages;
		this.lookup = lookup;
		this.intake = intake;
		this.discussions = discussions;
		this.threads = threads;
		this.origins = origins;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * The page with this address, however it is spelled; empty for an unknown page or an
	 * address that is none.
	 */
	public Optional<EmbeddedPage> find(String url) {
		PageUrl page;
		try {
			page = PageUrl.of(url);
		}
		catch (RejectedInput ex) {
			return Optional.empty();
		}
		return pages.byUrl(page.url()).flatMap(this::page);
	}

	/**
	 * The page with this address, made now if it has no thread yet. For the owner's own
	 * tools (the Disqus import): it does not ask whether the site is allowed to embed.
	 */
	public EmbeddedPage findOrCreate(String url, String title) {
		PageUrl page = PageUrl.of(url);
		return retryingRace(() -> transactions.execute(status -> {
			var found = pages.byUrl(page.url()).flatMap(this::page);
			return found.orElseGet(() -> page(create(page, title), page).orElseThrow());
		}));
	}

	/** The address normalised, when its site may embed; refused with 403 otherwise. */
	public PageUrl allowedPage(String url) {
		PageUrl page = PageUrl.of(url);
		if (!origins.allows(page.origin())) {
			throw new RejectedInput(HttpStatus.FORBIDDEN, "embed.origin.notAllowed", page.origin());
		}
		return page;
	}

	public boolean allows(String origin) {
		return origins.allows(origin);
	}

	public List<String> allowedOrigins() {
		return origins.all();
	}

	/**
	 * Replaces the allowed origins; an address that is not an origin is refused and
	 * nothing changes.
	 */
	public List<String> allowOrigins(String text) {
		return origins.replace(text);
	}

	/**
	 * Posts a comment on the page's thread, starting the thread with it if it is the
	 * first; a refused comment starts nothing, as page and comment are stored in one
	 * transaction.
	 */
	public Comment post(NamedPage named, Reply reply, Commenter who) {
		PageUrl page = allowedPage(named.url());
		String title = named.title();
		// the turn first: inside the transaction (on SQLite, the single writer) it would
		// wait for posts that wait for the writer
		return discussions.inPostingTurn(() -> retryingRace(() -> transactions.execute(status -> {
			Article article = pages.byUrl(page.url())
				.flatMap(row -> lookup.article(row.articleId()))
				.orElseGet(() -> create(page, title));
			return discussions.post(article, reply, who);
		})));
	}

	/**
	 * Approved comments per address asked for (as given), 0 for a page without a thread.
	 */
	public Map<String, Integer> counts(Collection<String> urls) {
		var normalised = new LinkedHashMap<String, String>();
		urls.stream().distinct().limit(MAX_COUNTS).forEach(raw -> {
			try {
				normalised.put(raw, PageUrl.of(raw).url());
			}
			catch (RejectedInput ex) {
				normalised.put(raw, null);
			}
		});
		var articles = new LinkedHashMap<String, Long>();
		pages.byUrls(normalised.values().stream().filter(u -> u != null).toList())
			.forEach(row -> articles.put(row.url(), row.articleId()));
		Map<Long, Integer> counts = threads.counts(articles.values());
		var result = new LinkedHashMap<String, Integer>();
		normalised.forEach((raw, url) -> {
			Long article = url == null ? null : articles.get(url);
			result.put(raw, article == null ? 0 : counts.getOrDefault(article, 0));
		});
		return result;
	}

	private Article create(PageUrl page, String title) {
		Article article = intake.createExternalPage(title(title, page), page.url(), page.host());
		if (!pages.add(page.url(), page.origin(), article.id(), clock.instant())) {
			// another request made the thread first: roll this one back and use theirs
			throw new PageRace();
		}
		return article;
	}

	private Optional<EmbeddedPage> page(Pages.Row row) {
		return lookup.article(row.articleId())
			.map(article -> new EmbeddedPage(row.id(), row.url(), row.origin(), article.id(), article.path(),
					row.createdAt()));
	}

	private Optional<EmbeddedPage> page(Article article, PageUrl page) {
		return pages.byUrl(page.url()).filter(row -> row.articleId() == article.id()).flatMap(this::page);
	}

	/** The page's own title, cleaned; its address when it gives none. */
	static String title(String given, PageUrl page) {
		String clean = given == null ? ""
				: given.codePoints()
					.map(c -> Character.isISOControl(c) || Character.isWhitespace(c) ? ' ' : c)
					.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
					.toString()
					.replaceAll(" {2,}", " ")
					.strip();
		if (clean.isEmpty()) {
			clean = page.url().substring(page.url().indexOf("://") + 3);
		}
		if (clean.length() > MAX_TITLE) {
			int end = Character.isHighSurrogate(clean.charAt(MAX_TITLE - 1)) ? MAX_TITLE - 1 : MAX_TITLE;
			clean = clean.substring(0, end);
		}
		return clean;
	}

	private static <T> T retryingRace(java.util.function.Supplier<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return work.get();
			}
			catch (PageRace race) {
				if (attempt == 3) {
					throw new RejectedInput(HttpStatus.CONFLICT, "embed.busy");
				}
			}
		}
	}

	/**
	 * Two first comments on one page at once: the loser retries and joins the winner's
	 * thread.
	 */
	private static final class PageRace extends RuntimeException {

		PageRace() {
			super(null, null, false, false);
		}

	}

}
