package org.veche.publishing.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.veche.publishing.Article;
import org.veche.publishing.ArticleDraft;
import org.veche.site.SiteProperties;

/** The editor's form as posted: strings, parsed only when the article is saved. */
public record ArticleForm(String kind, String title, String lead, String body, String tags, String sourceName,
		String sourceUrl, String status, String publishAt, String comments) {

	static ArticleForm blank(Article.Kind kind) {
		return new ArticleForm((kind == null ? Article.Kind.ARTICLE : kind).name(), "", "", "", "", "", "", "DRAFT", "",
				Article.Discussion.OPEN.param());
	}

	static ArticleForm of(Article a, SiteProperties site) {
		String at = a.publishedAt() == null ? ""
				: LocalDateTime.ofInstant(a.publishedAt(), site.timeZone()).withSecond(0).withNano(0).toString();
		return new ArticleForm(a.kind().name(), a.title(), a.lead(), a.body(), String.join(", ", a.tags()),
				a.source() == null ? "" : a.source().name(),
				a.source() == null || a.source().url() == null ? "" : a.source().url(), a.status().name(), at,
				a.discussion().param());
	}

	ArticleDraft toDraft(SiteProperties site, Long coverPhotoId) {
		Instant at = publishAt == null || publishAt.isBlank() ? null
				: LocalDateTime.parse(publishAt.strip()).atZone(site.timeZone()).toInstant();
		return new ArticleDraft(ArticleDeskApi.parse(Article.Kind.class, kind, "article.kind.invalid"),
				new ArticleDraft.Words(title, lead, body), tags == null ? List.of() : Arrays.asList(tags.split(",")),
				new Article.Source(sourceName, sourceUrl),
				new ArticleDraft.Plan(ArticleDeskApi.parse(Article.Status.class, status, "article.status.invalid"), at),
				coverPhotoId);
	}

}
