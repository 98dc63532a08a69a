package org.veche.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import org.jooq.DSLContext;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.identity.Role;
import org.veche.moderation.audit.AuditCheck;
import org.veche.moderation.audit.AuditLine;
import org.veche.moderation.internal.ActionLog;
import org.veche.support.BrowserSession;
import org.veche.support.Http;

/**
 * The owner's audit of the moderation log (issue 16): every line is sealed into the hash
 * chain as it commits, also when many are written at once; the export verifies, and a
 * changed, deleted or reordered line is found, in the owner's upload form as on the
 * command line; a row changed in the database is found by the database check.
 */
class AuditChainIT extends ModerationSupport {

	@Autowired
	private ActionLog log;

	@Autowired
	private DSLContext db;

	@Autowired
	private org.veche.moderation.audit.AuditChain chain;

	private BrowserSession owner;

	@BeforeEach
	void owner() {
		owner = session(Role.ADMINISTRATOR);
	}

	private List<String> export() {
		var response = owner.get("/admin/moderation/audit.jsonl");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/jsonl");
		assertThat(response.header("Content-Disposition")).startsWith("attachment; filename=\"veche-audit-");
		return response.body().lines().toList();
	}

	private Document upload(List<String> lines) {
		var form = owner.get("/admin/moderation/audit");
		var response = owner.postMultipart("/admin/moderation/audit",
				Map.of("_csrf", BrowserSession.csrfToken(form.html()), "file", new Http.FilePart("audit.jsonl",
						"application/jsonl", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8))));
		assertThat(response.status()).as("%s", response).isEqualTo(200);
		return response.html();
	}

	private static AuditCheck check(List<String> lines) {
		return AuditCheck.of(new BufferedReader(new StringReader(String.join("\n", lines))));
	}

	private void someActions(int n) {
		for (int i = 0; i < n; i++) {
			log.add(null, "", "hold", (long) (900_000 + unique()), i + " reports, \"quoted\" \u2028 and \\ slashed",
					Instant.now());
		}
	}

	@Test
	void theExportVerifiesAndEndsAtTheHeadTheSiteShows() {
		// a real decision as well as lines written straight to the log
		var moderator = session(Role.MODERATOR);
		rules(r -> {
			r.holdFirstComment = true;
			r.floodInterval = java.time.Duration.ZERO;
			return r;
		});
		long held = posted(post(newArticle("Audited"), newEmail(), "Decide me."), 202);
		assertThat(submit(moderator, "/moderation", "/moderation/comments/" + held + "/decide",
				Map.of("decision", "approve", "tab", "pending"))
			.status()).isEqualTo(302);
		someActions(3);

		List<String> lines = export();
		assertThat(lines).hasSizeGreaterThanOrEqualTo(4);
		assertThat(lines.stream()
			.filter(l -> l.contains("\"action\":\"approve\"") && l.contains("\"comment\":" + held + ","))).hasSize(1);
		AuditCheck check = check(lines);
		assertThat(check.intact()).as(check.describe()).isTrue();
		assertThat(check.lines()).isEqualTo(lines.size());
		Document page = owner.get("/admin/moderation/audit").html();
		assertThat(page.selectFirst(".head-hash").text()).isEqualTo(check.head());
		assertThat(page.selectFirst(".head").attr("data-seq")).isEqualTo(String.valueOf(check.lastSeq()));

		Document verified = upload(lines);
		assertThat(verified.selectFirst("[data-check]").attr("data-check")).isEqualTo("intact");
		assertThat(verified.selectFirst("[data-matches]").attr("data-matches")).isEqualTo("true");
		assertThat(
				owner.get("/admin/moderation/audit?check").html().selectFirst("[data-database]").attr("data-database"))
			.isEqualTo("intact");
		// a month's anchor is the last line sealed before its end: now, the head; before
		// anything, none
		assertThat(chain.headBefore(Instant.now().plusSeconds(60))).contains(chain.head());
		assertThat(chain.head().hash()).isEqualTo(check.head());
		assertThat(chain.headBefore(Instant.EPOCH)).isEmpty();

		// the owner's page only
		assertThat(moderator.get("/admin/moderation/audit.jsonl").status()).isEqualTo(403);
		assertThat(http.get("/admin/moderation/audit.jsonl").status()).isEqualTo(302);
	}

	@Test
	void aChangedADeletedAndAReorderedLineAreEachFoundWhereTheyBreakTheChain() {
		someActions(6);
		List<String> lines = export();
		int k = lines.size() - 4;

		List<String> changed = new ArrayList<>(lines);
		changed.set(k, changed.get(k).replace("\"action\":\"hold\"", "\"action\":\"approve\""));
		Document found = upload(changed);
		assertThat(found.selectFirst("[data-check]").attr("data-check")).isEqualTo("broken");
		assertThat(found.selectFirst("[data-check]").attr("data-line")).isEqualTo(String.valueOf(k + 2));
		assertThat(found.selectFirst("[data-check]").text()).contains("line " + (k + 1) + " was changed");

		List<String> deleted = new ArrayList<>(lines);
		deleted.remove(k);
		assertThat(upload(deleted).selectFirst("[data-check]").attr("data-line")).isEqualTo(String.valueOf(k + 1));

		List<String> reordered = new ArrayList<>(lines);
		Collections.swap(reordered, k, k + 1);
		assertThat(upload(reordered).selectFirst("[data-check]").attr("data-line")).isEqualTo(String.valueOf(k + 1));

		// a changed last line keeps the file's chain whole, but is not the line the
		// database sealed
		List<String> lastChanged = new ArrayList<>(lines);
		lastChanged.set(lines.size() - 1, lines.getLast().replace("reports", "REPORTS"));
		Document last = upload(lastChanged);
		assertThat(last.selectFirst("[data-check]").attr("data-check")).isEqualTo("intact");
		assertThat(last.selectFirst("[data-matches]").attr("data-matches")).isEqualTo("false");
	}

	@Test
	void aRowChangedInTheDatabaseIsFound() {
		someActions(3);
		List<String> lines = export();
		long seq = lines.size() - 1;
		var detail = field(name("detail"), String.class);
		var chainSeq = field(name("chain_seq"), Long.class);
		String was = db.select(detail).from(table(name("moderation_action"))).where(chainSeq.eq(seq)).fetchOne(detail);
		try {
			db.update(table(name("moderation_action")))
				.set(detail, "nothing happened")
				.where(chainSeq.eq(seq))
				.execute();
			Document page = owner.get("/admin/moderation/audit?check").html();
			assertThat(page.selectFirst("[data-database]").attr("data-database")).isEqualTo("broken");
			assertThat(page.selectFirst("[data-database]").attr("data-line")).isEqualTo(String.valueOf(seq));
			// and an export made now no longer verifies
			AuditCheck check = check(export());
			assertThat(check.intact()).isFalse();
			assertThat(check.brokenAt()).isEqualTo((int) seq + 1);
		}
		finally {
			db.update(table(name("moderation_action"))).set(detail, was).where(chainSeq.eq(seq)).execute();
		}
		assertThat(check(export()).intact()).isTrue();
	}

	@Test
	void linesWrittenAtOnceAndRowsFromBeforeTheChainAreSealedInOneUnbrokenChain() throws Exception {
		// a row as the log held it before the chain existed
		db.insertInto(table(name("moderation_action")))
			.set(field(name("moderator_id"), Long.class), (Long) null)
			.set(field(name("moderator_name"), String.class), "")
			.set(field(name("action"), String.class), "settings")
			.set(field(name("detail"), String.class), "from before the chain")
			.set(field(name("created_at"), Long.class), Instant.now().toEpochMilli())
			.execute();
		int before = export().size();
		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			var done = new ArrayList<java.util.concurrent.Future<?>>();
			for (int t = 0; t < 8; t++) {
				done.add(threads.submit(() -> someActions(5)));
			}
			for (var f : done) {
				f.get();
			}
		}
		List<String> lines = export();
		assertThat(lines).hasSize(before + 1 + 40);
		assertThat(lines.stream().filter(l -> l.contains("from before the chain"))).hasSize(1);
		AuditCheck check = check(lines);
		assertThat(check.intact()).as(check.describe()).isTrue();
		assertThat(lines.getFirst()).contains("\"seq\":1,").contains("\"prev\":\"" + AuditLine.GENESIS + "\"");
	}

}
