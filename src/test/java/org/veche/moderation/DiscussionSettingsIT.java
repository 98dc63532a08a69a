package org.veche.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.veche.identity.Role;

/**
 * The administrator's "Discussion settings" page: shows the rules, refuses what does not
 * read with the message on the form and the typed values kept, saves the rest, and is the
 * administrators' alone.
 */
class DiscussionSettingsIT extends ModerationSupport {

	private Map<String, String> fields(org.jsoup.nodes.Document form) {
		var fields = new HashMap<String, String>();
		for (var input : form.select("form.settings-form input")) {
			if (input.attr("type").equals("checkbox")) {
				if (input.hasAttr("checked")) {
					fields.put(input.attr("name"), "on");
				}
			}
			else if (!input.attr("name").equals("_csrf")) {
				fields.put(input.attr("name"), input.val());
			}
		}
		for (var area : form.select("form.settings-form textarea")) {
			fields.put(area.attr("name"), area.wholeText());
		}
		return fields;
	}

	@Test
	void theFormShowsTheRulesAndSavesThem() {
		var admin = session(Role.ADMINISTRATOR);
		var page = admin.get("/admin/discussion");
		assertThat(page.status()).isEqualTo(200);
		var form = page.html();
		assertThat(form.selectFirst("#holdLinks").val()).isEqualTo(String.valueOf(ruleSettings.rules().holdLinks()));
		assertThat(form.selectFirst("input[name=nameAndEmailRequired]").hasAttr("checked")).isTrue();
		assertThat(form.selectFirst("#reportsToHold").val()).isEqualTo("3");

		var values = fields(form);
		values.put("holdLinks", "4");
		values.put("moderationWords", "casino\n\n  pills  \ncasino");
		values.put("closeOld", "on");
		values.put("closeAfterDays", "30");
		values.remove("nameAndEmailRequired");
		var saved = submit(admin, "/admin/discussion", "/admin/discussion", values);
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.header("Location")).endsWith("/admin/discussion?saved");
		var rules = ruleSettings.rules();
		assertThat(rules.holdLinks()).isEqualTo(4);
		assertThat(rules.moderationWords()).containsExactly("casino", "pills");
		assertThat(rules.closeAfterDays()).isEqualTo(30);
		assertThat(rules.nameAndEmailRequired()).isFalse();
		var again = admin.get("/admin/discussion?saved").html();
		assertThat(again.selectFirst(".notice").text()).isEqualTo("The discussion settings were saved.");
		assertThat(again.selectFirst("#moderationWords").wholeText()).isEqualTo("casino\npills");
		var log = session(Role.MODERATOR).get("/moderation/log").html();
		assertThat(log.select("tr[data-action=settings]")).isNotEmpty();
	}

	@Test
	void whatDoesNotReadIsShownAgainWithTheReasonAndNothingIsSaved() {
		var admin = session(Role.ADMINISTRATOR);
		var before = ruleSettings.rules();
		var values = fields(admin.get("/admin/discussion").html());
		values.put("holdLinks", "lots");
		values.put("moderationWords", "kept as typed");
		var refused = submit(admin, "/admin/discussion", "/admin/discussion", values);
		assertThat(refused.status()).isEqualTo(422);
		var page = refused.html();
		assertThat(page.selectFirst(".form-error").text())
			.isEqualTo("The number of links must be a whole number from 0 to 100.");
		assertThat(page.selectFirst("#holdLinks").val()).isEqualTo("lots");
		assertThat(page.selectFirst("#moderationWords").text()).isEqualTo("kept as typed");
		assertThat(ruleSettings.rules()).isEqualTo(before);

		values.put("holdLinks", "2");
		values.put("filterHold", "0.99");
		values.put("filterSpam", "0.5");
		var order = submit(admin, "/admin/discussion", "/admin/discussion", values);
		assertThat(order.status()).isEqualTo(422);
		assertThat(order.html().selectFirst(".form-error").text()).contains("cannot be below");
	}

	@Test
	void onlyAdministratorsReachThePage() {
		var moderator = session(Role.MODERATOR);
		assertThat(moderator.get("/admin/discussion").status()).isEqualTo(403);
		assertThat(http.get("/admin/discussion").status()).isEqualTo(302);
	}

}
