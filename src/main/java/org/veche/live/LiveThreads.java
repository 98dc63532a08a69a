package org.veche.live;

import org.springframework.stereotype.Component;
import org.veche.live.internal.Broadcasters;

/**
 * The live module's face to the article page: where the page's event stream starts.
 */
@Component
public class LiveThreads {

	private final Broadcasters broadcasters;

	LiveThreads(Broadcasters broadcasters) {
		this.broadcasters = broadcasters;
	}

	/**
	 * The position to start the page's stream from. Ask before reading the thread:
	 * whatever happens after this is then either on the page or sent to it (the script
	 * skips what is already shown).
	 */
	public String position(long articleId) {
		return broadcasters.position(articleId);
	}

	/** The stream's address for the article. */
	public static String streamPath(long articleId) {
		return "/live/articles/" + articleId;
	}

}
