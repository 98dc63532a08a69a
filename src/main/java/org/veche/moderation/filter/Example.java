package org.veche.moderation.filter;

/**
 * A labelled comment: {@code bad} is spam for the spam task, abusive for the abuse task.
 */
record Example(FilterInput input, boolean bad) {
}
