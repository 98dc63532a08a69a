package org.veche.moderation.audit;

/**
 * The owner's audit page: the chain's head, and what a check of the database or of an
 * uploaded export found.
 *
 * @param head the newest line of the chain, or null while the log is empty
 * @param check what the uploaded export showed, or null
 * @param matchesDatabase whether an intact export ends where the database's chain does,
 * or null
 * @param databaseBroken the first line of the database's chain that does not hold, or
 * null
 * @param error why the upload was refused (a message key), or null
 */
public record AuditModel(AuditChain.Head head, AuditCheck check, Boolean matchesDatabase, Long databaseBroken,
		String error) {
}
