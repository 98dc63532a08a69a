package org.veche.discussion;

import org.veche.site.FormError;

/**
 * What the "Leave a reply" form shows: the values typed so far and why they were refused,
 * if they were.
 *
 * @param parent the comment being answered, or null
 * @param error why the comment was refused, or null
 * @param signIn who is commenting, or how a guest may sign in
 * @param openness whether the article takes comments, from whom, and what guests must
 * give
 * @param remembered whether the guest asked this browser to keep their name, e-mail and
 * website
 */
public record CommentForm(String action, Comment parent, Typed typed, FormError error, SignInChoices signIn,
		CommentScreen.Openness openness, boolean remembered) {

	static final CommentScreen.Openness OPEN = new CommentScreen.Openness(false, true, true);

	/**
	 * What the reader has typed into the form, given back so that a refusal or a trip to
	 * sign in loses none of it.
	 */
	public record Typed(String name, String email, String url, String body) {

		static final Typed NOTHING = new Typed("", "", "", "");

	}

	public CommentForm(String action, Comment parent, Typed typed, FormError error) {
		this(action, parent, typed, error, SignInChoices.NONE, OPEN, false);
	}

	public static CommentForm blank(String articlePath, Comment parent) {
		return new CommentForm(articlePath + "/comments", parent, Typed.NOTHING, null);
	}

	public CommentForm withSignIn(SignInChoices choices) {
		return new CommentForm(action, parent, typed, error, choices, openness, remembered);
	}

	public CommentForm withOpenness(CommentScreen.Openness rules) {
		return new CommentForm(action, parent, typed, error, signIn, rules, remembered);
	}

	public CommentForm withRemembered(boolean kept) {
		return new CommentForm(action, parent, typed, error, signIn, openness, kept);
	}

	/** "Comments are closed" in place of the form. */
	public boolean closed() {
		return openness.closed();
	}

	/** The article the form belongs to. */
	public String articlePath() {
		return action.endsWith("/comments") ? action.substring(0, action.length() - "/comments".length()) : action;
	}

	/**
	 * Where a reader signing in from this form comes back to: the same reply, at the
	 * form.
	 */
	public String returnPath() {
		return articlePath() + (parent == null ? "" : "?replytocom=" + parent.id()) + "#respond";
	}

}
