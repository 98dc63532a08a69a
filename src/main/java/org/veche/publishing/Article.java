package org.veche.publishing;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A piece the newsroom publishes: a written article, or a photo story ("In pictures") whose body is a gallery;
 * or a page of another site whose discussion Veche holds (see the embed module), which no listing shows.
 * @param source where the story comes from ("according to ..."), or null
 * @param coverPhotoId the media module's photo shown at the top, or null
 * @param discussion whether readers may comment, and whether every comment waits for a moderator
 */
public record Article(long id, String slug, Kind kind, String title, String lead, String body, String bodyHtml,
		Long authorId, String authorName, Status status, Instant publishedAt, Instant updatedAt, Source source,
		Long coverPhotoId, List<String> tags, Discussion discussion) {

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

	/** @param url a link to the source, or null */
	public record Source(String name, String url) {
	}

	public boolean isPhotoStory() {
		return kind == Kind.PHOTO_STORY;
	}

	/** A page of another site, discussed here: its source is the page, it has no body and no listing shows it. */
	public boolean isExternalPage() {
		return kind == Kind.EXTERNAL_PAGE;
	}

	/** Readers see an article once it is published or its scheduled time has come. */
	public boolean isVisibleAt(Instant now) {
		return status != Status.DRAFT && publishedAt != null && !publishedAt.isAfter(now);
	}

	public String path() {
		return "/articles/" + slug;
	}

}
