package org.veche.discussion;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.veche.identity.SignInProviders;
import org.veche.identity.SignedIn;
import org.veche.publishing.Article;

/**
 * Makes the comment form for the reader at hand: who they are, how they may sign in, and
 * what they had typed before leaving to sign in.
 */
@Component
public class CommentForms {

	private final SignInProviders providers;

	private final DiscussionProperties settings;

	private final CommentRecords records;

	private final GuestCookies cookies;

	CommentForms(SignInProviders providers, DiscussionProperties settings, CommentRecords records,
			GuestCookies cookies) {
		this.cookies = cookies;
		this.providers = providers;
		this.settings = settings;
		this.records = records;
	}

	/**
	 * The form for an article as its rules stand now (closed, guests, required fields),
	 * with the reader's draft.
	 */
	public CommentForm blank(Article article, Comment parent, HttpServletRequest request) {
		return complete(blank(article.path(), parent, request), article);
	}

	/** The same form with the sign-in part and the article's rules filled in. */
	public CommentForm complete(CommentForm form, Article article) {
		CommentScreen.Openness openness = records.openness(article);
		CommentForm open = form.withOpenness(openness);
		return open.withSignIn(new SignInChoices(open.signIn().providers(), openness.guestsMayComment(),
				open.signIn().signedInWith()));
	}

	/**
	 * The form for an article, pre-filled with the reader's draft for it if they left one
	 * to sign in, else with the name, e-mail and website they asked this browser to keep.
	 */
	public CommentForm blank(String articlePath, Comment parent, HttpServletRequest request) {
		CommentForm form = CommentForm.blank(articlePath, parent);
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(CommentDraft.ATTRIBUTE) instanceof CommentDraft draft
				&& draft.articlePath().equals(articlePath)) {
			session.removeAttribute(CommentDraft.ATTRIBUTE);
			form = new CommentForm(form.action(), parent,
					new CommentForm.Typed(draft.name(), draft.email(), draft.url(), draft.body()), null);
		}
		else {
			GuestCookies.Remembered kept = cookies.remembered(request);
			if (kept != null) {
				form = new CommentForm(form.action(), parent,
						new CommentForm.Typed(kept.name(), kept.email(), kept.url(), ""), null)
					.withRemembered(true);
			}
		}
		return complete(form);
	}

	/** The same form with the sign-in part filled in. */
	public CommentForm complete(CommentForm form) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String with = authentication != null && authentication.getPrincipal() instanceof SignedIn signedIn
				? signedIn.provider() : null;
		return form.withSignIn(new SignInChoices(providers.all(), settings.guestsMayComment(), with));
	}

	/** Keeps what the reader typed while they sign in. */
	public static void keepDraft(HttpServletRequest request, CommentDraft draft) {
		request.getSession().setAttribute(CommentDraft.ATTRIBUTE, draft);
	}

}
