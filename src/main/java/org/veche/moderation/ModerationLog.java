package org.veche.moderation;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.veche.moderation.internal.ActionLog;
import org.veche.moderation.internal.Bans;

/**
 * What moderation did and what of it is in force: the log of actions, newest first, and
 * the bans in force.
 */
@Service
public class ModerationLog {

	public static final int LOG_PAGE = 50;

	private final ActionLog log;

	private final Bans bans;

	private final Clock clock;

	ModerationLog(ActionLog log, Bans bans, Clock clock) {
		this.log = log;
		this.bans = bans;
		this.clock = clock;
	}

	/** A page of the log, newest first. */
	public List<LoggedAction> actions(int page) {
		return log.latest(Math.max(0, page - 1) * LOG_PAGE, LOG_PAGE);
	}

	public int size() {
		return log.size();
	}

	public List<Ban> bansInForce() {
		return bans.inForce(clock.instant(), 200);
	}

}
