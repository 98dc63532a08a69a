package org.veche.discussion;

import java.util.Collection;

/**
 * Comments were anonymised, emptied or deleted at a person's request, or their likes
 * taken back: the threads of these articles changed.
 */
public record CommentsErased(Collection<Long> articleIds) {
}
