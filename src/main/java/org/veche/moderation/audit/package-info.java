/**
 * The owner's audit of moderation: the action log as hash-chained JSON lines, sealed at
 * commit, exported and checked (from a file, on the command line, or in the database).
 */
package org.veche.moderation.audit;
