package org.veche.discussion.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.veche.discussion.Comment;
import org.veche.discussion.ThreadNode;
import org.veche.discussion.ThreadOrder;
import org.veche.discussion.ThreadPage;

/**
 * Builds thread pages from a thread's approved comments. A reply whose parent is not
 * shown (held, spam, trash) stands at the top level, so that no approved comment is ever
 * unreachable; replies below the deepest level are listed flat under it, oldest first,
 * each saying whom it answers. Editors' picks among the top-level comments come first,
 * whatever the order (the most recently picked first); a picked reply keeps its place
 * under its parent, with its label.
 */
public final class ThreadAssembler {

	private final List<Comment> roots;

	private final Map<Long, List<Comment>> children = new HashMap<>();

	private final Map<Long, Comment> byId = new HashMap<>();

	private final int total;

	public ThreadAssembler(List<Comment> approvedOldestFirst, ThreadOrder order) {
		this.total = approvedOldestFirst.size();
		for (Comment c : approvedOldestFirst) {
			byId.put(c.id(), c);
		}
		var top = new ArrayList<Comment>();
		for (Comment c : approvedOldestFirst) {
			if (c.parentId() == null || !byId.containsKey(c.parentId())) {
				top.add(c);
			}
			else {
				children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
			}
		}
		Comparator<Comment> picksFirst = Comparator.comparing((Comment c) -> !c.isFeatured())
			.thenComparing(c -> c.isFeatured() ? -c.featuredAt().toEpochMilli() : 0L);
		top.sort(picksFirst.thenComparing(switch (order) {
			case OLDEST -> Comparator.comparingLong(Comment::id);
			case NEWEST -> Comparator.comparingLong(Comment::id).reversed();
			case LIKED -> Comparator.comparingInt(Comment::likes).reversed().thenComparingLong(Comment::id);
		}));
		this.roots = top;
	}

	public static int pages(int roots, int perPage) {
		return Math.max(1, (roots + perPage - 1) / perPage);
	}

	public ThreadPage page(long articleId, ThreadOrder order, int page, int perPage, int maxDepth) {
		int pages = pages(roots.size(), perPage);
		int current = Math.clamp(page, 1, pages);
		int from = (current - 1) * perPage;
		var nodes = new ArrayList<ThreadNode>();
		for (Comment root : roots.subList(Math.min(from, roots.size()), Math.min(from + perPage, roots.size()))) {
			nodes.add(node(root, 0, null, Math.max(1, maxDepth)));
		}
		return new ThreadPage(articleId, nodes, total, current, pages, order);
	}

	/** The page of the thread on which a comment stands, or 1 when it is not shown. */
	public int pageOf(long commentId, int perPage) {
		Comment c = byId.get(commentId);
		if (c == null) {
			return 1;
		}
		while (c.parentId() != null && byId.containsKey(c.parentId())) {
			c = byId.get(c.parentId());
		}
		return roots.indexOf(c) / perPage + 1;
	}

	private ThreadNode node(Comment comment, int level, Comment inReplyTo, int maxDepth) {
		List<Comment> direct = children.getOrDefault(comment.id(), List.of());
		if (level < maxDepth - 1) {
			var replies = new ArrayList<ThreadNode>(direct.size());
			for (Comment reply : direct) {
				replies.add(node(reply, level + 1, null, maxDepth));
			}
			return new ThreadNode(comment, level, inReplyTo, false, replies);
		}
		// The deepest level shown: every descendant, oldest first, walked without
		// recursion.
		var flat = new ArrayList<ThreadNode>();
		var stack = new ArrayDeque<Comment>();
		var descendants = new ArrayList<Comment>();
		stack.push(comment);
		while (!stack.isEmpty()) {
			for (Comment child : children.getOrDefault(stack.pop().id(), List.of())) {
				descendants.add(child);
				stack.push(child);
			}
		}
		descendants.sort(Comparator.comparingLong(Comment::id));
		for (Comment d : descendants) {
			flat.add(new ThreadNode(d, level, d.parentId().equals(comment.id()) ? null : byId.get(d.parentId()), false,
					List.of()));
		}
		return new ThreadNode(comment, level, inReplyTo, true, flat);
	}

}
