package org.veche.publishing.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.veche.identity.SignedIn;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleDraft;
import org.veche.publishing.Newsroom;
import org.veche.site.RejectedInput;

/**
 * Editors and authors create articles over the API (authors only drafts: the facade
 * refuses the rest); reading them is the reading module's API.
 */
@RestController
class ArticleDeskApi {

	private final Newsroom newsroom;

	ArticleDeskApi(Newsroom newsroom) {
		this.newsroom = newsroom;
	}

	record SourceBody(String name, String url) {
	}

	record ArticleBody(String title, String lead, String body, List<String> tags, SourceBody source, String status,
			String kind, Instant publishAt) {
	}

	record Created(long id, String slug, String url) {
	}

	@PostMapping("/api/v1/articles")
	ResponseEntity<Created> create(@RequestBody ArticleBody body, @AuthenticationPrincipal SignedIn editor) {
		var draft = new ArticleDraft(parse(Article.Kind.class, body.kind(), "article.kind.invalid"),
				new ArticleDraft.Words(body.title(), body.lead(), body.body()), body.tags(),
				body.source() == null ? null : new Article.Source(body.source().name(), body.source().url()),
				new ArticleDraft.Plan(parse(Article.Status.class, body.status(), "article.status.invalid"),
						body.publishAt()),
				null);
		Article article = newsroom.create(draft, editor);
		URI url = ServletUriComponentsBuilder.fromCurrentContextPath().path(article.path()).build().toUri();
		return ResponseEntity.created(url).body(new Created(article.id(), article.slug(), url.toString()));
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value, String errorKey) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new RejectedInput(errorKey);
		}
	}

}
