package org.veche.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.moderation.filter.FilterTask;
import org.veche.moderation.filter.LearningFilter;
import org.veche.moderation.internal.RuleSettings;
import org.veche.support.BrowserSession;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

/**
 * What the moderation tests share: articles, guest comments from fresh addresses, and a
 * way to change the discussion rules for one test that puts them back afterwards (the
 * server context is shared).
 */
abstract class ModerationSupport extends IntegrationTest {

	private static final Map<Integer, String> EDITORS = new ConcurrentHashMap<>();

	@Autowired
	protected RuleSettings ruleSettings;

	private DiscussionRules before;

	@BeforeEach
	void rememberRules() {
		before = ruleSettings.rules();
	}

	@Autowired
	protected LearningFilter filter;

	/**
	 * The rules as they were, and a cold filter again: the queue's decisions teach it.
	 */
	@AfterEach
	void restoreRules() {
		ruleSettings.save(before);
		filter.reset(FilterTask.SPAM);
		filter.reset(FilterTask.ABUSE);
	}

	protected void rules(UnaryOperator<Rules> change) {
		ruleSettings.save(change.apply(new Rules(ruleSettings.rules())).build());
	}

	/** A signed-in browser of a new account with this role. */
	protected BrowserSession session(Role role) {
		String email = role.name().toLowerCase() + unique() + "@example.org";
		String password = "correct horse battery " + unique();
		identity.createAccount(new NewAccount(email, password, role.name() + " " + unique(), role));
		return BrowserSession.signIn(http, email, password);
	}

	/**
	 * Posts a form as a signed-in person, with the CSRF token of the page the form is on.
	 */
	protected static Http.Response submit(BrowserSession session, String formPage, String action,
			Map<String, String> fields) {
		var form = session.get(formPage);
		assertThat(form.status()).as("GET %s", formPage).isEqualTo(200);
		var all = new HashMap<>(fields);
		all.put("_csrf", BrowserSession.csrfToken(form.html()));
		return session.postForm(action, all);
	}

	protected String editorToken() {
		return EDITORS.computeIfAbsent(port, p -> tokenFor(Role.EDITOR));
	}

	protected String newArticle(String title) {
		return publishArticle(editorToken(), title + " " + unique());
	}

	protected static String newEmail() {
		return "reader" + unique() + "@example.org";
	}

	protected static Map<String, Object> reply(Long parentId, String name, String email, String body) {
		var payload = new HashMap<String, Object>();
		payload.put("parentId", parentId);
		var author = new HashMap<String, Object>();
		author.put("name", name);
		author.put("email", email);
		payload.put("author", author);
		payload.put("body", body);
		return payload;
	}

	/** A guest comment through the API from a fresh address. */
	protected Http.Response post(String slug, String email, String body) {
		return http.from(newAddress())
			.postJson("/api/v1/articles/" + slug + "/comments", reply(null, "Reader " + unique(), email, body));
	}

	protected long posted(Http.Response response, int status) {
		assertThat(response.status()).as("%s", response).isEqualTo(status);
		return response.json().get("id").asLong();
	}

	protected Document page(Http client, String path) {
		var response = client.get(path);
		assertThat(response.status()).as("GET %s", path).isEqualTo(200);
		return Jsoup.parse(response.body(), client.url(path));
	}

	/** The rules to change, field by field, starting from the site's current ones. */
	protected static final class Rules {

		int holdLinks;

		java.util.List<String> moderationWords;

		java.util.List<String> disallowedWords;

		boolean holdFirstComment;

		boolean nameAndEmailRequired;

		int closeAfterDays;

		java.time.Duration floodInterval;

		int maxLength;

		boolean guestsMayComment;

		int reportsToHold;

		double filterHold;

		double filterSpam;

		int raidSize;

		java.time.Duration editWindow;

		Rules(DiscussionRules r) {
			holdLinks = r.holdLinks();
			moderationWords = r.moderationWords();
			disallowedWords = r.disallowedWords();
			holdFirstComment = r.holdFirstComment();
			nameAndEmailRequired = r.nameAndEmailRequired();
			closeAfterDays = r.closeAfterDays();
			floodInterval = r.floodInterval();
			maxLength = r.maxLength();
			guestsMayComment = r.guestsMayComment();
			reportsToHold = r.reportsToHold();
			filterHold = r.filterHold();
			filterSpam = r.filterSpam();
			raidSize = r.raidSize();
			editWindow = r.editWindow();
		}

		DiscussionRules build() {
			return new DiscussionRules(holdLinks, moderationWords, disallowedWords, holdFirstComment,
					nameAndEmailRequired, closeAfterDays, floodInterval, maxLength, guestsMayComment, reportsToHold,
					filterHold, filterSpam, raidSize, editWindow);
		}

	}

}
