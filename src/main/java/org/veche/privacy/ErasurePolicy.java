package org.veche.privacy;

/**
 * What erasure does to a person's comments, as the site's owner sets it
 * (veche.privacy.erasure).
 */
public enum ErasurePolicy {

	/**
	 * The text stays in its thread so replies keep their sense; name, e-mail, website and
	 * address hash go.
	 */
	ANONYMISE,

	/**
	 * The comment goes: deleted, or, when others replied to it, emptied and hidden so the
	 * replies stay.
	 */
	REMOVE

}
