package org.veche.moderation.filter;

/**
 * What a classifier looks for: advertising and link spam, or abuse (insults, hate,
 * threats).
 */
public enum FilterTask {

	SPAM, ABUSE

}
