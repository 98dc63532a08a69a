package org.veche.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.support.BrowserSession;
import org.veche.support.Http;

/**
 * The administrator's import page works without a script: upload, a status page that
 * reloads itself with a Refresh header until the report is there, and a refused file
 * explained. Nobody else may use it.
 */
class ImportAdminPageIT extends ImportTest {

	private BrowserSession admin;

	@BeforeEach
	void signInAsAdministrator() {
		String email = "importer" + unique() + "@example.org";
		String password = "correct horse battery " + unique();
		identity.createAccount(new NewAccount(email, password, "Import Admin", Role.ADMINISTRATOR));
		admin = BrowserSession.signIn(http, email, password);
	}

	private Http.Response upload(String format, String xml) {
		var form = admin.get("/admin/import");
		assertThat(form.status()).isEqualTo(200);
		return admin.postMultipart("/admin/import",
				Map.of("_csrf", BrowserSession.csrfToken(form.html()), "format", format, "file",
						new Http.FilePart("export.xml", "application/xml", xml.getBytes(StandardCharsets.UTF_8))));
	}

	private int reloads;

	/**
	 * Follows the status page as a browser would, until it stops asking to be reloaded.
	 */
	private Http.Response finished(String location) throws InterruptedException {
		for (int i = 0; i < 300; i++) {
			var status = admin.get(location);
			assertThat(status.status()).isEqualTo(200);
			if (status.header("Refresh") == null) {
				return status;
			}
			reloads++;
			assertThat(status.header("Refresh")).isEqualTo("2");
			assertThat(status.html().selectFirst(".import-progress").text()).matches(".*\\d+ of \\d+ done.*");
			assertThat(status.html().selectFirst("a[href=" + location + "]")).as("a reload link").isNotNull();
			Thread.sleep(100);
		}
		throw new AssertionError("the import did not finish");
	}

	@Test
	void anUploadedExportIsImportedAndItsReportShown() throws InterruptedException {
		int n = unique();
		var images = new ImageServer();
		// a slow old host keeps the import busy long enough to watch its status page
		// reload
		images.onRequest = () -> {
			try {
				Thread.sleep(1_500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		};
		String xml = new Wxr("1.2", "https://admin" + n + ".example")
			.item(1, "post", "publish", "Uploaded " + n, "uploaded-" + n, "2020-01-01 00:00:00", "a", "Text",
					Wxr.meta("_thumbnail_id", "3"),
					Wxr.comment(1, 0, "Reader", "r@readers.example", "", "2020-01-01 01:00:00", "1", "", "Hello"))
			.item(2, "post", "trash", "Binned " + n, "binned-" + n, "2020-01-01 00:00:00", "a", "Text")
			.attachment(3, 1, images.url("/uploads/slow.jpg"), "Slow", "", "")
			.xml();

		var started = upload("wxr", xml);

		assertThat(started.status()).isEqualTo(302);
		String location = started.header("Location").replaceAll("^https?://[^/]+", "");
		assertThat(location).matches("/admin/import/\\d+");
		var report = finished(location).html();
		images.close();
		assertThat(reloads).as("status pages that asked to be reloaded").isPositive();
		assertThat(report.selectFirst(".import-phase").text()).isEqualTo("Done");
		assertThat(report.selectFirst("dd[data-key=importer.count.photos]").text()).isEqualTo("1");
		assertThat(report.selectFirst("dd[data-key=importer.count.posts]").text()).isEqualTo("1");
		assertThat(report.selectFirst("dd[data-key=importer.count.comments]").text()).isEqualTo("1");
		assertThat(report.selectFirst(".import-skipped li[data-key=importer.skip.trash]").text())
			.isEqualTo("Binned " + n + " (post 2): in the trash");
		assertThat(catalogue.published("uploaded-" + n)).isPresent();
		assertThat(admin.get("/admin/import").html().select(".import-runs a[href=" + location + "]")).hasSize(1);
	}

	@Test
	void aRefusedFileIsExplainedAndChangesNothing() throws InterruptedException {
		long articles = publishing.deskSize();

		var started = upload("disqus", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e \"x\">]><disqus>&e;</disqus>");

		var page = finished(started.header("Location").replaceAll("^https?://[^/]+", "")).html();
		assertThat(page.selectFirst(".import-phase").text()).isEqualTo("Refused");
		assertThat(page.selectFirst(".form-error").text()).contains("DOCTYPE")
			.contains("Nothing was changed on the site.");
		assertThat(publishing.deskSize()).isEqualTo(articles);
	}

	@Test
	void aFormWithoutFileOrKindIsShownAgainWithTheReason() {
		var form = admin.get("/admin/import");
		String csrf = BrowserSession.csrfToken(form.html());
		var noKind = admin.postMultipart("/admin/import", Map.of("_csrf", csrf, "format", "rss", "file",
				new Http.FilePart("x.xml", "application/xml", "<rss/>".getBytes(StandardCharsets.UTF_8))));
		assertThat(noKind.status()).isEqualTo(400);
		assertThat(noKind.html().selectFirst(".form-error").text()).isEqualTo("Choose WordPress or Disqus.");
		var noFile = admin.postMultipart("/admin/import", Map.of("_csrf", csrf, "format", "wxr"));
		assertThat(noFile.status()).isEqualTo(400);
		assertThat(noFile.html().selectFirst(".form-error").text()).isEqualTo("Choose the export file.");
	}

	@Test
	void onlyAdministratorsReachIt() {
		assertThat(http.get("/admin/import").status()).isEqualTo(302);
		String email = "editor" + unique() + "@example.org";
		identity.createAccount(new NewAccount(email, "correct horse battery staple", "Editor", Role.EDITOR));
		var editor = BrowserSession.signIn(http, email, "correct horse battery staple");
		assertThat(editor.get("/admin/import").status()).isEqualTo(403);
		var form = editor.get("/account");
		var post = editor.postMultipart("/admin/import",
				Map.of("_csrf", BrowserSession.csrfToken(form.html()), "format", "wxr", "file",
						new Http.FilePart("x.xml", "application/xml", "<rss/>".getBytes(StandardCharsets.UTF_8))));
		assertThat(post.status()).isEqualTo(403);
	}

}
