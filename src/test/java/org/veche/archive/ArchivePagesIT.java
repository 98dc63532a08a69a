package org.veche.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.support.BrowserSession;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

/**
 * The admin page: an administrator starts a backup and a WXR export, follows the progress
 * and downloads the file; a restore into a site that holds content is refused with a
 * message; nobody else reaches the page.
 */
class ArchivePagesIT extends IntegrationTest {

	private BrowserSession administrator() {
		String email = "archive-admin" + unique() + "@example.org";
		String password = "a long password " + unique();
		identity.createAccount(new NewAccount(email, password, "Archive Admin", Role.ADMINISTRATOR));
		return BrowserSession.signIn(http, email, password);
	}

	@Test
	void anAdministratorDownloadsABackupAndAWordPressExport() throws Exception {
		BrowserSession admin = administrator();
		publishArticle(tokenFor(Role.EDITOR), "Archived " + unique());
		var page = admin.get("/admin/archive");
		assertThat(page.status()).isEqualTo(200);
		String csrf = BrowserSession.csrfToken(page.html());

		var started = admin.postForm("/admin/archive/backup", Map.of("_csrf", csrf));
		assertThat(started.status()).isEqualTo(302);
		finished(admin);
		var zip = admin.get("/admin/archive/download");
		assertThat(zip.status()).isEqualTo(200);
		assertThat(zip.header("Content-Type")).isEqualTo("application/zip");
		assertThat(zip.header("Content-Disposition")).contains("attachment").contains("veche-backup-");
		assertThat(zip.body()).startsWith("PK");

		assertThat(admin.postForm("/admin/archive/wxr", Map.of("_csrf", csrf)).status()).isEqualTo(302);
		var done = finished(admin);
		assertThat(done.html().select(".report").text()).contains("wxr:").contains("posts:");
		var wxr = admin.get("/admin/archive/download");
		assertThat(wxr.status()).isEqualTo(200);
		assertThat(wxr.body()).contains("<wp:wxr_version>1.2</wp:wxr_version>");
	}

	@Test
	void aRestoreIntoASiteWithContentIsRefusedAndChangesNothing() {
		BrowserSession admin = administrator();
		publishArticle(tokenFor(Role.EDITOR), "Kept " + unique());
		var page = admin.get("/admin/archive");
		assertThat(page.html().select(".admin-archive").text()).contains("cannot be restored");
		assertThat(page.html().select("input[type=file][name=file]")).isEmpty();

		var upload = http.with("Cookie", "veche_session=" + admin.cookie("veche_session"))
			.postMultipart("/admin/archive/restore", Map.of("_csrf", BrowserSession.csrfToken(page.html()), "file",
					new Http.FilePart("site.zip", "application/zip", new byte[] { 'P', 'K', 3, 4 })));
		assertThat(upload.status()).isEqualTo(409);
		assertThat(upload.html().select("[role=alert]").text()).contains("cannot be restored");
		assertThat(admin.get("/admin/archive").status()).as("still signed in").isEqualTo(200);
	}

	@Test
	void onlyAdministratorsReachThePage() {
		assertThat(http.get("/admin/archive").status()).isEqualTo(302);
		String email = "archive-editor" + unique() + "@example.org";
		identity.createAccount(new NewAccount(email, "a long password x", "Editor", Role.EDITOR));
		var editor = BrowserSession.signIn(http, email, "a long password x");
		assertThat(editor.get("/admin/archive").status()).isEqualTo(403);
		assertThat(editor.get("/admin/archive/download").status()).isEqualTo(403);
		assertThat(http.get("/archive/restores/0123456789abcdef").status()).isEqualTo(404);
	}

	private static Http.Response finished(BrowserSession admin) throws InterruptedException {
		Instant until = Instant.now().plus(Duration.ofSeconds(90));
		while (Instant.now().isBefore(until)) {
			var page = admin.get("/admin/archive");
			String state = page.html().select(".archive-job").attr("data-state");
			if (state.equals("done")) {
				return page;
			}
			assertThat(state).as(page.html().select(".archive-job").text()).isNotEqualTo("failed");
			assertThat(page.header("Refresh")).isEqualTo("2");
			Thread.sleep(200);
		}
		throw new AssertionError("the run did not finish");
	}

}
