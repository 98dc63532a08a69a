package org.veche.discussion;

import java.util.List;

import org.veche.identity.ExternalSignIn;

/**
 * The sign-in part of the comment form.
 *
 * @param providers the external providers the owner configured
 * @param guestsMayComment whether the guest fields are offered
 * @param signedInWith the provider the reader signed in with ("Google"), or null for a
 * local account or a guest
 */
public record SignInChoices(List<ExternalSignIn> providers, boolean guestsMayComment, String signedInWith) {

	public static final SignInChoices NONE = new SignInChoices(List.of(), true, null);

}
