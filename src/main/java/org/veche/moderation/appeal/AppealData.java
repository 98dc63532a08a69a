package org.veche.moderation.appeal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.veche.discussion.CommentRecords;
import org.veche.privacy.ErasurePolicy;
import org.veche.privacy.Person;
import org.veche.privacy.PersonalData;

/**
 * A person's appeals in their data export and erasure, and the appeal messages'
 * retention: a message is emptied {@code veche.moderation.appeals.keep-messages} after
 * its answer. Runs before discussion's part of an erasure (order 5 against its 10),
 * because a guest's appeals are found through the comments they wrote.
 */
@Component
@Order(5)
class AppealData implements PersonalData {

	private static final int BATCH = 500;

	private final Appeals appeals;

	private final CommentRecords records;

	private final AppealProperties properties;

	private final Clock clock;

	AppealData(Appeals appeals, CommentRecords records, AppealProperties properties, Clock clock) {
		this.appeals = appeals;
		this.records = records;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public String section() {
		return "appeals";
	}

	@Override
	public Object export(Person person) {
		var out = new ArrayList<Map<String, Object>>();
		for (Appeal a : of(person)) {
			var row = new LinkedHashMap<String, Object>();
			row.put("comment", a.commentId());
			row.put("message", a.message());
			row.put("sent", a.createdAt().toString());
			row.put("outcome", a.outcome() == null ? "open" : a.outcome().param());
			row.put("answered", a.decidedAt() == null ? null : a.decidedAt().toString());
			out.add(row);
		}
		return out;
	}

	@Override
	@Transactional
	public Map<String, Integer> erase(Person person, ErasurePolicy policy) {
		int forgotten = appeals.forget(of(person).stream().map(Appeal::id).toList());
		return forgotten == 0 ? Map.of() : Map.of("appeals.forgotten", forgotten);
	}

	@Override
	public int forgetAddressesBefore(Instant cutoff) {
		// appeals keep no address
		return 0;
	}

	/**
	 * Empties the messages of appeals answered long enough ago; idempotent, so every node
	 * may run it.
	 */
	@Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT10M")
	@Transactional
	public void forgetOldMessages() {
		appeals.forgetMessagesDecidedBefore(clock.instant().minus(properties.keepMessages()));
	}

	private List<Appeal> of(Person person) {
		var found = new ArrayList<Appeal>();
		if (person.accountId() != null) {
			found.addAll(appeals.byAccount(person.accountId()));
		}
		if (person.email() != null && !person.email().isBlank()) {
			long after = 0;
			List<Appeal> batch;
			do {
				batch = appeals.guestsAfter(after, BATCH);
				for (Appeal a : batch) {
					if (records.writtenBy(a.commentId(), person.email())) {
						found.add(a);
					}
					after = a.id();
				}
			}
			while (batch.size() == BATCH);
		}
		return found;
	}

}
