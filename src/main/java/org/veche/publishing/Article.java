package org.veche.publishing;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A piece the newsroom publishes: a written article, or a photo story ("In pictures")
 * whose body is a gallery; or a page of another site whose discussion Veche holds (see
 * the embed module), which no listing shows.
 *
 * @param copy the words of the piece
 * @param byline who wrote it and where the story comes from
 * @param schedule where it stands on the way to readers, and when
 * @param coverPhotoId the media module's photo shown at the top, or null
 * @param discussion whether readers may comment, and whether every comment waits for a
 * moderator
 */
public record Article(long id, String slug, Kind kind, Copy copy, Byline byline, Schedule schedule, Long coverPhotoId,
		List<String> tags, Discussion discussion) {

	/**
	 * The words of a piece.
	 *
	 * @param bodyHtml the body as readers see it, rendered from its Markdown when saved
	 */
	public record Copy(String title, String lead, String body, String bodyHtml) {
	}

	/**
	 * Who wrote a piece and whom it cites.
	 *
	 * @param authorId the author's account, or null for an imported or site-made piece
	 * @param authorName the name printed on the piece
	 * @param source where the story comes from ("according to ..."), or null; for a page
	 * of another site, the page
	 */
	public record Byline(Long authorId, String authorName, Source source) {
	}

	/**
	 * Where a piece stands on its way to readers.
	 *
	 * @param publishedAt when it went (or goes) out; null for a draft never published
	 */
	public record Schedule(Status status, Instant publishedAt, Instant updatedAt) {

		/** Readers see a piece once it is published or its scheduled time has come. */
		public boolean isVisibleAt(Instant now) {
			return status != Status.DRAFT && publishedAt != null && !publishedAt.isAfter(now);
		}

	}

	/** The editor's switch for an article's comments. */
	public enum Discussion {

		OPEN, PREMODERATED, CLOSED;

		public String param() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** Unknown values read as open, the column's default. */
		public static Discussion parse(String value) {
			for (Discussion d : values()) {
				if (d.param().equalsIgnoreCase(value == null ? "" : value.strip())) {
					return d;
				}
			}
			return OPEN;
		}

	}

	public enum Kind {

		ARTICLE, PHOTO_STORY, EXTERNAL_PAGE

	}

	public enum Status {

		DRAFT, SCHEDULED, PUBLISHED

	}

	/**
	 * @param url a link to the source, or null
	 */
	public record Source(String name, String url) {
	}

	public boolean isPhotoStory() {
		return kind == Kind.PHOTO_STORY;
	}

	/**
	 * A page of another site, discussed here: its source is the page, it has no body and
	 * no listing shows it.
	 */
	public boolean isExternalPage() {
		return kind == Kind.EXTERNAL_PAGE;
	}

	/** Readers see an article once it is published or its scheduled time has come. */
	public boolean isVisibleAt(Instant now) {
		return schedule.isVisibleAt(now);
	}

	// The parts' fields as the article's own: what templates, feeds and callers read
	// most.

	public String title() {
		return copy.title();
	}

	public String lead() {
		return copy.lead();
	}

	public String body() {
		return copy.body();
	}

	public String bodyHtml() {
		return copy.bodyHtml();
	}

	public Long authorId() {
		return byline.authorId();
	}

	public String authorName() {
		return byline.authorName();
	}

	public Source source() {
		return byline.source();
	}

	public Status status() {
		return schedule.status();
	}

	public Instant publishedAt() {
		return schedule.publishedAt();
	}

	public Instant updatedAt() {
		return schedule.updatedAt();
	}

	public String path() {
		return "/articles/" + slug;
	}

}
