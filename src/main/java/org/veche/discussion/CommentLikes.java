package org.veche.discussion;

import java.time.Clock;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.veche.discussion.internal.Comments;
import org.veche.discussion.internal.Likes;
import org.veche.privacy.AddressHasher;
import org.veche.site.RejectedInput;

/**
 * Readers' likes of approved comments: one like per reader, and a limit per network
 * address for guests.
 */
@Service
public class CommentLikes {

	private final Comments comments;

	private final Likes likes;

	private final AddressHasher addresses;

	private final DiscussionProperties settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CommentLikes(Comments comments, Likes likes, AddressHasher addresses, DiscussionProperties settings,
			ApplicationEventPublisher events, Clock clock) {
		this.comments = comments;
		this.likes = likes;
		this.addresses = addresses;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/** How many likes a comment has now, and whether this reader's is among them. */
	public record LikeState(int likes, boolean liked) {
	}

	/**
	 * Likes or takes back a like; one like per reader, and a limit per network address.
	 */
	@Transactional
	public LikeState like(long commentId, Commenter who, boolean like) {
		Comment comment = comments.byId(commentId)
			.filter(Comment::isApproved)
			.orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "comment.notFound"));
		String reader = who.likeKey();
		if (reader == null) {
			throw new RejectedInput("like.noReader");
		}
		int count = comment.likes();
		if (like) {
			String addressHash = addresses.hash(who.address());
			if (who.accountId() == null && addressHash != null && !likes.exists(commentId, reader)
					&& likes.fromAddress(commentId, addressHash) >= settings.likesPerAddress()) {
				throw new RejectedInput(HttpStatus.TOO_MANY_REQUESTS, "like.tooMany");
			}
			if (likes.add(commentId, reader, addressHash, clock.instant())) {
				count = comments.addLikes(commentId, 1);
			}
		}
		else if (likes.remove(commentId, reader)) {
			count = comments.addLikes(commentId, -1);
		}
		if (count != comment.likes()) {
			events.publishEvent(new CommentLiked(commentId, comment.articleId(), count));
		}
		return new LikeState(count, like);
	}

	@Transactional
	public LikeState toggleLike(long commentId, Commenter who) {
		String reader = who.likeKey();
		return like(commentId, who, reader == null || !likes.exists(commentId, reader));
	}

	public Set<Long> likedBy(Commenter who, long articleId) {
		String reader = who.likeKey();
		return reader == null ? Set.of() : likes.likedBy(reader, articleId);
	}

}
