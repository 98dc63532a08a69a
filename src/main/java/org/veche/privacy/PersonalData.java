package org.veche.privacy;

import java.time.Instant;
import java.util.Map;

/**
 * Implemented by every module that keeps something about people (discussion, identity,
 * notifications). Privacy cannot read their tables, and they already depend on privacy,
 * so each module answers for its own tables here; privacy calls every bean of this type,
 * in their order, except that the one that also answers {@link People} (identity) always
 * comes last: an account is erased after everything that refers to it.
 */
public interface PersonalData {

	/** The section name in an export, e.g. "comments". */
	String section();

	/**
	 * Everything the module holds about the person, as JSON-ready maps, lists and values.
	 */
	Object export(Person person);

	/**
	 * Erases what the module holds about the person.
	 * @return counts of what was done, by kind (e.g. "comments.anonymised" → 3), for the
	 * audit line
	 */
	Map<String, Integer> erase(Person person, ErasurePolicy policy);

	/**
	 * Forgets network address hashes made before the instant.
	 * @return how many rows lost their hash
	 */
	int forgetAddressesBefore(Instant cutoff);

}
