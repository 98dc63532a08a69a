package org.veche.moderation;

import java.util.List;
import java.util.Map;

import org.veche.discussion.Comment;
import org.veche.publishing.Article;

/**
 * Held comments whose texts are near-duplicates of each other, shown in the queue as one
 * row for one decision.
 *
 * @param comments newest first
 * @param articles the articles they were posted under, by id
 * @param reasons why they were held, each reason once
 */
public record HeldCluster(List<Comment> comments, Map<Long, Article> articles, List<Reason> reasons) {

	public HeldCluster {
		comments = List.copyOf(comments);
		articles = Map.copyOf(articles);
		reasons = List.copyOf(reasons);
	}

	public List<Long> ids() {
		return comments.stream().map(Comment::id).toList();
	}

}
