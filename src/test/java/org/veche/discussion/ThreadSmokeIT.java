package org.veche.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.veche.identity.Role;
import org.veche.support.IntegrationTest;

class ThreadSmokeIT extends IntegrationTest {

	@Test
	void aReplyAndALikeShowOnTheArticlePage() {
		String slug = publishArticle(tokenFor(Role.EDITOR), "Smoke " + unique());
		var first = postComment(slug, null, "Ada", "First!");
		postComment(slug, first.get("id").asLong(), "Grace", "A reply");
		var like = http.from(newAddress()).postJson("/api/v1/comments/" + first.get("id").asLong() + "/like", null);
		assertThat(like.status()).isEqualTo(200);
		assertThat(like.json().get("likes").asInt()).isEqualTo(1);

		var page = http.get("/articles/" + slug).html();
		var reply = page.selectFirst("#comment-" + first.get("id").asLong() + " ol.children li.comment");
		assertThat(reply).isNotNull();
		assertThat(reply.selectFirst(".comment-author").text()).isEqualTo("Grace");
		assertThat(page.selectFirst("#comment-" + first.get("id").asLong() + " .likes").text())
			.isEqualTo("Liked by 1 person");
	}

}
