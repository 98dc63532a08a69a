package org.veche.moderation.filter;

import static org.jooq.impl.DSL.max;

import java.time.Clock;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;
import org.veche.schema.tables.FilterExample;
import org.veche.schema.tables.FilterModel;

/**
 * The filter's tables: the labelled examples (moderators' decisions) and each
 * classifier's saved model. Only the domain of an e-mail address is kept, because that is
 * all the features read.
 */
@Repository
class FilterStore {

	private static final FilterExample EXAMPLE = FilterExample.FILTER_EXAMPLE;

	private static final Field<Long> ID = EXAMPLE.ID;

	private static final Field<String> TASK = EXAMPLE.TASK;

	private static final Field<Boolean> BAD = EXAMPLE.BAD;

	private static final Field<String> BODY = EXAMPLE.BODY;

	private static final Field<String> AUTHOR_NAME = EXAMPLE.AUTHOR_NAME;

	private static final Field<String> EMAIL_DOMAIN = EXAMPLE.EMAIL_DOMAIN;

	private static final Field<String> URL = EXAMPLE.URL;

	private static final Field<Boolean> NEW_AUTHOR = EXAMPLE.NEW_AUTHOR;

	private static final Field<Boolean> FIRST_COMMENT = EXAMPLE.FIRST_COMMENT;

	private static final Field<Long> CREATED_AT = EXAMPLE.CREATED_AT;

	private static final FilterModel MODEL = FilterModel.FILTER_MODEL;

	private static final Field<String> MODEL_TASK = MODEL.TASK;

	private static final Field<byte[]> MODEL_BYTES = MODEL.MODEL;

	private static final Field<Long> LAST_EXAMPLE = MODEL.LAST_EXAMPLE;

	private static final Field<Long> EXAMPLES = MODEL.EXAMPLES;

	private static final Field<Long> SAVED_AT = MODEL.SAVED_AT;

	private static final int PAGE = 1000;

	/** A saved model and the id of the last stored example it has learned. */
	record SavedModel(byte[] bytes, long lastExample) {
	}

	private final DSLContext db;

	private final Clock clock;

	FilterStore(DSLContext db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	long addExample(FilterTask task, FilterInput input, boolean bad) {
		String email = input.email();
		String domain = email == null || email.indexOf('@') < 0 ? null
				: Tokenizer.host(email.substring(email.lastIndexOf('@') + 1).strip());
		return db.insertInto(EXAMPLE)
			.columns(TASK, BAD, BODY, AUTHOR_NAME, EMAIL_DOMAIN, URL, NEW_AUTHOR, FIRST_COMMENT, CREATED_AT)
			.values(task.name(), bad, input.text() == null ? "" : input.text(), input.authorName(), domain, input.url(),
					input.newAuthor(), input.firstComment(), clock.millis())
			.returningResult(ID)
			.fetchOne(ID);
	}

	long lastExampleId(FilterTask task) {
		Long last = db.select(max(ID)).from(EXAMPLE).where(TASK.eq(task.name())).fetchOne(0, Long.class);
		return last == null ? 0 : last;
	}

	/**
	 * Hands the task's examples with ids in (after, upTo] to {@code each}, oldest first,
	 * a page at a time.
	 */
	void examples(FilterTask task, long after, long upTo, BiConsumer<Long, Example> each) {
		long from = after;
		while (true) {
			var page = db.select(ID, BAD, BODY, AUTHOR_NAME, EMAIL_DOMAIN, URL, NEW_AUTHOR, FIRST_COMMENT)
				.from(EXAMPLE)
				.where(TASK.eq(task.name()).and(ID.gt(from)).and(ID.le(upTo)))
				.orderBy(ID)
				.limit(PAGE)
				.fetch();
			for (var r : page) {
				String domain = r.get(EMAIL_DOMAIN);
				var input = new FilterInput(r.get(BODY), r.get(AUTHOR_NAME), domain == null ? null : "@" + domain,
						r.get(URL), r.get(NEW_AUTHOR), r.get(FIRST_COMMENT));
				each.accept(r.get(ID), new Example(input, r.get(BAD)));
				from = r.get(ID);
			}
			if (page.size() < PAGE) {
				return;
			}
		}
	}

	/** Deletes the task's examples and saved model. */
	void forget(FilterTask task) {
		db.deleteFrom(EXAMPLE).where(TASK.eq(task.name())).execute();
		db.deleteFrom(MODEL).where(MODEL_TASK.eq(task.name())).execute();
	}

	Optional<SavedModel> model(FilterTask task) {
		return db.select(MODEL_BYTES, LAST_EXAMPLE)
			.from(MODEL)
			.where(MODEL_TASK.eq(task.name()))
			.fetchOptional(r -> new SavedModel(r.get(MODEL_BYTES), r.get(LAST_EXAMPLE)));
	}

	void saveModel(FilterTask task, byte[] bytes, long lastExample, long examples) {
		long now = clock.millis();
		db.insertInto(MODEL)
			.columns(MODEL_TASK, MODEL_BYTES, LAST_EXAMPLE, EXAMPLES, SAVED_AT)
			.values(task.name(), bytes, lastExample, examples, now)
			.onConflict(MODEL_TASK)
			.doUpdate()
			.set(MODEL_BYTES, bytes)
			.set(LAST_EXAMPLE, lastExample)
			.set(EXAMPLES, examples)
			.set(SAVED_AT, now)
			.execute();
	}

}
