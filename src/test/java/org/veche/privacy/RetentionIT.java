package org.veche.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.identity.Role;
import org.veche.support.IntegrationTest;

/**
 * The retention job forgets address hashes once they are older than the window (30 days
 * by default), in comments and likes alike, keeps younger ones, and deletes request links
 * that expired. Time is moved on by running the job as of a later instant.
 */
class RetentionIT extends IntegrationTest {

	@Autowired
	private Retention retention;

	@Autowired
	private DataRequests requests;

	@Autowired
	private DSLContext db;

	private String addressHashOfComment(long id) {
		return db.select(field(name("address_hash"), String.class))
			.from(table(name("comment")))
			.where(field(name("id"), Long.class).eq(id))
			.fetchOne(0, String.class);
	}

	private String addressHashOfLike(long commentId) {
		return db.select(field(name("address_hash"), String.class))
			.from(table(name("comment_like")))
			.where(field(name("comment_id"), Long.class).eq(commentId))
			.fetchOne(0, String.class);
	}

	@Test
	void addressHashesOlderThanThirtyDaysAreForgottenAndYoungerOnesKept() {
		String slug = publishArticle(tokenFor(Role.EDITOR), "Retention " + unique());
		long id = postComment(slug, null, "Guest", "A comment that keeps its address hash for a while").get("id")
			.asLong();
		var like = http.from(newAddress()).postJson("/api/v1/comments/" + id + "/like", Map.of());
		assertThat(like.status()).as(like.toString()).isEqualTo(200);
		assertThat(addressHashOfComment(id)).as("a hash is stored when posting").isNotNull().hasSize(32);
		assertThat(addressHashOfLike(id)).as("and when liking").isNotNull();
		Instant now = Instant.now();

		var early = retention.run(now.plus(Duration.ofDays(29)));

		assertThat(early.cutoff()).isBefore(now);
		assertThat(addressHashOfComment(id)).as("29 days on, the hash is still kept").isNotNull();
		assertThat(addressHashOfLike(id)).isNotNull();

		var late = retention.run(now.plus(Duration.ofDays(31)));

		assertThat(late.addressesForgotten()).as("at least this comment and its like").isGreaterThanOrEqualTo(2);
		assertThat(addressHashOfComment(id)).as("31 days on, the hash is gone").isNull();
		assertThat(addressHashOfLike(id)).isNull();
		var comment = http.get("/api/v1/articles/" + slug + "/comments").json().get("comments").get(0);
		assertThat(comment.get("html").asString()).as("the comment itself stays").contains("keeps its address hash");
	}

	@Test
	void expiredRequestLinksAreDeletedWithTheirAddresses() {
		String email = "expiring" + unique() + "@example.org";
		String token = requests.issueLink(email).orElseThrow();
		assertThat(requests.linkOwner(token)).hasValue(email);

		var outcome = retention.run(Instant.now().plus(Duration.ofHours(2)));

		assertThat(outcome.linksDeleted()).isPositive();
		assertThat(db.fetchCount(table(name("privacy_link")), field(name("email")).eq(email))).isZero();
		assertThat(requests.linkOwner(token)).isEmpty();
	}

}
