package org.veche.support;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ApplicationContext;
import org.veche.discussion.Comment;
import org.veche.discussion.Commenter;
import org.veche.discussion.Discussions;
import org.veche.discussion.Reply;
import org.veche.identity.Identity;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.identity.SignedIn;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleDraft;
import org.veche.publishing.ArticleIntake;

/**
 * What a module test sets its scene with: a published article, a guest's comment, a staff
 * account, made through the modules' facades. A module test proves its own module through
 * that module's facade; the scene around it is made here, in one place, so that a change
 * of another module's facade is followed here once.
 */
public final class TestDesk {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private TestDesk() {
	}

	/** A published article by the site itself (no account), visible at once. */
	public static Article article(ApplicationContext site, String title, String lead, String body, String... tags) {
		return site.getBean(ArticleIntake.class)
			.create(new ArticleDraft(Article.Kind.ARTICLE, new ArticleDraft.Words(title, lead, body), List.of(tags),
					null, new ArticleDraft.Plan(Article.Status.PUBLISHED, null), null), null, "Module desk");
	}

	/** A published article with no lead. */
	public static Article article(ApplicationContext site, String title) {
		return article(site, title, "", "Body of " + title);
	}

	/**
	 * A comment by a new guest (a name, e-mail and network address of their own, so no
	 * flood limit meets it).
	 */
	public static Comment comment(ApplicationContext site, Article article, String body) {
		int n = SEQUENCE.incrementAndGet();
		return site.getBean(Discussions.class)
			.post(article, new Reply(null, "Reader " + n, "reader" + n + "@example.org", null, body), guest());
	}

	/** A new guest: a browser and a network address no one else has used. */
	public static Commenter guest() {
		int n = SEQUENCE.incrementAndGet();
		return new Commenter(null, null, null, false, "browser-" + n,
				"198.51." + (100 + n / 250 % 100) + "." + (1 + n % 250));
	}

	/** A new account with the role, signed in. */
	public static SignedIn staff(ApplicationContext site, Role role) {
		int n = SEQUENCE.incrementAndGet();
		String name = role.name().toLowerCase(java.util.Locale.ROOT) + n;
		return new SignedIn(
				site.getBean(Identity.class)
					.createAccount(new NewAccount(name + "@example.org", "correct horse battery staple", name, role)),
				null);
	}

}
