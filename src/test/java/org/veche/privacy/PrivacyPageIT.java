package org.veche.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.veche.identity.Role;
import org.veche.support.IntegrationTest;

/**
 * The privacy page says what the running site does: what a comment stores and for how
 * long, who receives anything (here only the test's mail server, since no sign-in
 * provider is configured), every cookie with its purpose and lifetime, and how to get a
 * copy or erase. Every comment form and every footer links to it.
 */
class PrivacyPageIT extends IntegrationTest {

	@Test
	void thePageListsWhatACommentStoresWhoSeesItAndForHowLong() {
		var page = http.get("/privacy");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.cookies()).as("reading the page sets no cookie").isEmpty();
		var html = page.html();
		assertThat(html.select("table.stored tr[data-item]").eachAttr("data-item")).containsExactly("name", "email",
				"website", "text", "address", "likes", "account", "appeal");
		// an appeal's message, for as long as the site keeps it
		// (veche.moderation.appeals.keep-messages)
		assertThat(html.select("tr[data-item=appeal]").text()).contains("appeal")
			.contains("90 days after the moderators answer");
		assertThat(html.select("tr[data-item=address]").text()).contains("never the address itself")
			.contains("30 days");
		assertThat(html.select("tr[data-item=email]").text()).contains("never shown on a page");
		assertThat(html.select("#comments").text()).contains("changes every day").contains("deleted after 30 days");
		assertThat(html.select("#rights").text()).contains("without your name").contains("60 minutes");
		assertThat(html.select("#rights a").eachAttr("href")).containsExactly("/privacy/request", "/account/data");
	}

	@Test
	void thePageNamesEveryThirdPartyAndEveryCookieTheSiteMaySet() {
		var html = http.get("/privacy").html();

		// the tests send mail through a local server: the page names it, and nothing else
		assertThat(html.select("ul.recipients li").eachText()).singleElement()
			.asString()
			.startsWith("127.0.0.1")
			.contains("mail server");
		assertThat(html.select("#third-parties").text()).contains("no request to any other server");
		assertThat(html.select("table.cookies tr[data-cookie]").eachAttr("data-cookie")).containsExactlyInAnyOrder(
				"veche_lang", "veche_reader", "veche_held", "veche_commenter", "veche_session", "veche_remember");
		assertThat(html.select("tr[data-cookie=veche_reader]").text()).contains("like a comment").contains("365 days");
		assertThat(html.select("tr[data-cookie=veche_remember]").text()).contains("30 days");
		assertThat(html.select("tr[data-cookie=veche_session]").text()).contains("until you close the browser");
		assertThat(html.select("#cookies").text()).contains("No cookie is set before you act");
	}

	@Test
	void everyCommentFormAndEveryFooterLinksToThePage() {
		String slug = publishArticle(tokenFor(Role.EDITOR), "Privacy link " + unique());

		var article = http.get("/articles/" + slug).html();
		var front = http.get("/").html();

		Element formLink = article.selectFirst("#respond a[href=/privacy#comments]");
		assertThat(formLink).isNotNull();
		assertThat(formLink.text()).isEqualTo("Learn how your comment data is processed");
		assertThat(article.select("footer.site-footer a[href=/privacy]")).hasSize(1);
		assertThat(front.select("footer.site-footer a[href=/privacy]")).hasSize(1);
		assertThat(http.with("Accept-Language", "uk").get("/privacy").html().select("h1").text())
			.isEqualTo("Як обробляються ваші дані");
	}

}
