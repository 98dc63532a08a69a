package org.veche.feed.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

/**
 * Writes a feed as RSS 2.0 or Atom 1.0 with Rome, which knows both formats' required
 * elements and escaping (comment bodies are HTML, and titles are anyone's text).
 */
public final class FeedWriter {

	public enum Format {

		RSS("rss_2.0", "application/rss+xml"), ATOM("atom_1.0", "application/atom+xml");

		final String romeType;

		public final String mediaType;

		Format(String romeType, String mediaType) {
			this.romeType = romeType;
			this.mediaType = mediaType;
		}

	}

	/**
	 * One entry.
	 *
	 * @param html whether the summary is HTML (a comment) rather than plain text (an
	 * article's lead)
	 */
	public record Item(String title, String link, String author, Instant published, Instant updated, String summary,
			boolean html, List<String> categories) {
	}

	/**
	 * A whole feed.
	 *
	 * @param self the feed's own address (Atom's id and rel="self")
	 * @param link the page the feed follows
	 */
	public record Channel(String title, String description, String self, String link, String language, Instant updated,
			List<Item> items) {
	}

	private FeedWriter() {
	}

	public static byte[] write(Channel channel, Format format) {
		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType(format.romeType);
		feed.setEncoding("UTF-8");
		feed.setTitle(channel.title());
		feed.setDescription(channel.description());
		feed.setLink(channel.link());
		feed.setUri(channel.self());
		feed.setLanguage(channel.language());
		feed.setPublishedDate(Date.from(channel.updated()));
		feed.setLinks(List.of(link("self", channel.self(), format.mediaType),
				link("alternate", channel.link(), "text/html")));
		var entries = new ArrayList<SyndEntry>();
		for (Item item : channel.items()) {
			entries.add(entry(item));
		}
		feed.setEntries(entries);
		try {
			return new SyndFeedOutput().outputString(feed).getBytes(StandardCharsets.UTF_8);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("the feed could not be written", ex);
		}
	}

	private static SyndEntry entry(Item item) {
		SyndEntry entry = new SyndEntryImpl();
		entry.setTitle(item.title());
		entry.setLink(item.link());
		entry.setUri(item.link());
		// RSS 2.0's own <author> must be an e-mail address, which the site never gives
		// out: Rome writes dc:creator
		entry.setAuthor(item.author());
		entry.setPublishedDate(Date.from(item.published()));
		entry.setUpdatedDate(Date.from(item.updated()));
		var summary = new SyndContentImpl();
		summary.setType(item.html() ? "text/html" : "text/plain");
		summary.setValue(item.summary());
		entry.setDescription(summary);
		entry.setCategories(item.categories().stream().map(name -> {
			var category = new SyndCategoryImpl();
			category.setName(name);
			return (com.rometools.rome.feed.synd.SyndCategory) category;
		}).toList());
		return entry;
	}

	private static SyndLink link(String rel, String href, String type) {
		SyndLink link = new SyndLinkImpl();
		link.setRel(rel);
		link.setHref(href);
		link.setType(type);
		return link;
	}

}
