/**
 * The learning spam and abuse filter: text features, hashed logistic regression models
 * kept and taught in the database, training from labelled CSV files, and the
 * {@code moderation evaluate} command (a named interface so that the application's main
 * method may run it).
 */
@org.springframework.modulith.NamedInterface("filter")
package org.veche.moderation.filter;
