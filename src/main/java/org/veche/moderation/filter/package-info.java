/**
 * The learning spam and abuse filter: text features, hashed logistic regression models kept and taught in the
 * database, training from labelled CSV files, and the {@code moderation evaluate} command.
 */
package org.veche.moderation.filter;
