package org.veche.live;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.veche.identity.SignedIn;
import org.veche.live.internal.LiveUpdates;
import org.veche.publishing.Article;
import org.veche.publishing.EditorsDesk;
import org.veche.site.Markdown;
import org.veche.site.Page;
import org.veche.site.RejectedInput;
import org.veche.site.SiteProperties;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Live blog mode for an article: editors switch it on and post short updates, which
 * readers see at the top of the article at once (over the same stream as the comments)
 * and, without JavaScript, on every load.
 */
@Service
public class LiveBlog {

	static final int MAX_LENGTH = 2_000;

	/**
	 * The page shows this many updates; a live blog that runs for days keeps its newest
	 * on the page.
	 */
	static final int SHOWN = 500;

	private final LiveUpdates updates;

	private final EditorsDesk desk;

	private final Markdown markdown;

	private final LiveEvents events;

	private final TemplateEngine templates;

	private final MessageSource messages;

	private final SiteProperties site;

	private final Clock clock;

	LiveBlog(LiveUpdates updates, EditorsDesk desk, Markdown markdown, LiveEvents events, TemplateEngine templates,
			MessageSource messages, SiteProperties site, Clock clock) {
		this.updates = updates;
		this.desk = desk;
		this.markdown = markdown;
		this.events = events;
		this.templates = templates;
		this.messages = messages;
		this.site = site;
		this.clock = clock;
	}

	public LiveBlogView view(long articleId) {
		return updates.view(articleId, SHOWN);
	}

	/**
	 * The article, if this person may run its live blog: editors only, as they publish.
	 */
	public Article editable(long articleId, SignedIn by) {
		if (!desk.mayPublish(by)) {
			throw new RejectedInput(HttpStatus.FORBIDDEN, "live.notAllowed");
		}
		return desk.editable(articleId, by);
	}

	public void start(long articleId, SignedIn by) {
		updates.start(editable(articleId, by).id(), clock.instant());
	}

	public void end(long articleId, SignedIn by) {
		updates.end(editable(articleId, by).id(), clock.instant());
	}

	public LiveUpdate post(long articleId, String text, SignedIn by) {
		Article article = editable(articleId, by);
		String body = text == null ? "" : text.strip();
		if (body.isEmpty()) {
			throw new RejectedInput("live.update.required");
		}
		if (body.length() > MAX_LENGTH) {
			throw new RejectedInput("live.update.tooLong", MAX_LENGTH);
		}
		if (body.indexOf('\0') >= 0) {
			throw new RejectedInput("input.controlCharacters");
		}
		if (!updates.running(article.id())) {
			throw new RejectedInput(HttpStatus.CONFLICT, "live.update.off");
		}
		// one insert, committed on its own: readers are told only of what is stored
		LiveUpdate update = updates.add(article.id(), body, markdown.article(body), by.accountId(), by.displayName(),
				clock.instant());
		events.publish(new LiveEvent(article.id(), LiveEvent.Kind.UPDATE, update.id(), null, 0, rendered(update)));
		return update;
	}

	public void remove(long articleId, long updateId, SignedIn by) {
		Article article = editable(articleId, by);
		var update = updates.byId(updateId)
			.filter(u -> u.articleId() == article.id())
			.orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "live.update.notFound"));
		if (updates.remove(update.id())) {
			events.publish(new LiveEvent(article.id(), LiveEvent.Kind.UPDATE_REMOVED, update.id(), null, 0, Map.of()));
		}
	}

	/**
	 * The update rendered in every language, for a node that heard of it from another
	 * without its fragments.
	 */
	public java.util.Optional<Map<String, String>> rendered(long updateId) {
		return updates.byId(updateId).map(this::rendered);
	}

	private Map<String, String> rendered(LiveUpdate update) {
		var html = new LinkedHashMap<String, String>();
		for (var language : Page.LANGUAGES) {
			var output = new StringOutput();
			var page = new Page(language, messages, site.siteName(), site.timeZone(), null, null, "");
			templates.render("live/update.jte", Map.of("page", page, "update", update), output);
			html.put(language.getLanguage(), output.toString());
		}
		return html;
	}

}
