package org.veche.site;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.veche.site.internal.PageVersions;

/**
 * Whole pages kept as ready bytes for readers who are not signed in. A controller says
 * that the page it is making may be kept, and which article it shows ({@link #keep});
 * modules say what changed ({@link #articleChanged}, {@link #everythingChanged}), usually
 * from their events after the commit. The serving itself (a servlet filter ahead of
 * Spring Security, with ETag, conditional GET and gzip and brotli copies) is the site's
 * own business; see docs/ARCHITECTURE.md.
 */
@Component
public class PageCache {

	private final PageVersions versions;

	PageCache(PageVersions versions) {
		this.versions = versions;
	}

	/**
	 * Call before the page reads what it shows. This page shows one article (with its
	 * discussion, live blog and gallery): it may be kept for guests until that article,
	 * or anything site-wide, changes.
	 */
	public void keep(HttpServletRequest request, long articleId) {
		request.setAttribute(PageVersions.KEEP, versions.mark(articleId));
	}

	/**
	 * Call before the page reads what it shows. This page lists many articles (front
	 * page, tags, feeds): kept until any article or comment changes.
	 */
	public void keepListing(HttpServletRequest request) {
		request.setAttribute(PageVersions.KEEP, versions.mark(PageVersions.LISTING));
	}

	/**
	 * Something on one article's page changed (a comment, a like, a status): its pages
	 * and every listing.
	 */
	public void articleChanged(long articleId) {
		versions.articleChanged(articleId);
	}

	/** Something every page may show changed: an article's text, a setting, a photo. */
	public void everythingChanged() {
		versions.everythingChanged();
	}

	/**
	 * The write being handled now changed nothing a guest sees (a held comment): without
	 * this, any successful write that names no change is taken to have changed
	 * everything.
	 */
	public void nothingChanged() {
		versions.described();
	}

}
