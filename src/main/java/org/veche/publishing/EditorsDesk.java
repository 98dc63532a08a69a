package org.veche.publishing;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.veche.identity.SignedIn;
import org.veche.publishing.internal.Articles;
import org.veche.site.RejectedInput;

/**
 * The desk as a signed-in writer sees it: which articles are theirs to list and to
 * change, and a preview of what they write. Changing them is {@link Newsroom}'s.
 */
@Service
public class EditorsDesk {

	private final Articles articles;

	private final ArticleWriter writer;

	EditorsDesk(Articles articles, ArticleWriter writer) {
		this.articles = articles;
		this.writer = writer;
	}

	/**
	 * The desk as this person sees it: editors everything, authors only what they wrote.
	 */
	public List<Article> desk(SignedIn by, int page, int size) {
		return articles.all(mayPublish(by) ? null : by.accountId(), (Math.max(1, page) - 1) * size, size);
	}

	public long deskSize(SignedIn by) {
		return mayPublish(by) ? articles.count() : articles.countBy(by.accountId());
	}

	/** Editors and administrators publish and schedule; authors only save drafts. */
	public boolean mayPublish(SignedIn by) {
		return by != null && by.role().publishes();
	}

	/**
	 * The article if this person may change it (its text, its photos, its cover): editors
	 * any article, an author only their own and only while it is a draft, because once an
	 * editor has published or scheduled it, saving the author's version would take it off
	 * the site again.
	 */
	public Article editable(long id, SignedIn by) {
		return editable(articles.byId(id), by);
	}

	public Article editable(String slug, SignedIn by) {
		return editable(articles.bySlug(slug), by);
	}

	private Article editable(Optional<Article> found, SignedIn by) {
		Article article = found.orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "article.notFound"));
		if (mayPublish(by)) {
			return article;
		}
		if (by == null || !by.role().writes() || article.authorId() == null || article.authorId() != by.accountId()) {
			throw new RejectedInput(HttpStatus.FORBIDDEN, "article.notYours");
		}
		if (article.status() != Article.Status.DRAFT) {
			throw new RejectedInput(HttpStatus.FORBIDDEN, "article.author.locked");
		}
		return article;
	}

	/** The article's text as readers would see it. */
	public String preview(String body) {
		return writer.preview(body);
	}

}
