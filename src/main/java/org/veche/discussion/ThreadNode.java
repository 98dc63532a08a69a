package org.veche.discussion;

import java.util.List;

/**
 * A comment in its place in a thread page.
 *
 * @param level the nesting shown, from 0, never past the site's depth
 * @param inReplyTo the parent's author when the nesting no longer shows whom this
 * answers, else null
 * @param flat whether the replies are listed flat because the page has reached its
 * deepest level
 */
public record ThreadNode(Comment comment, int level, Comment inReplyTo, boolean flat, List<ThreadNode> replies) {
}
