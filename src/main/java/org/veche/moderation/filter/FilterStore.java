package org.veche.moderation.filter;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Clock;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/**
 * The filter's tables: the labelled examples (moderators' decisions) and each classifier's saved model. Only
 * the domain of an e-mail address is kept, because that is all the features read.
 */
@Repository
class FilterStore {

	private static final Table<Record> EXAMPLE = table(name("filter_example"));

	private static final Field<Long> ID = field(name("filter_example", "id"), Long.class);

	private static final Field<String> TASK = field(name("filter_example", "task"), String.class);

	private static final Field<Boolean> BAD = field(name("filter_example", "bad"), Boolean.class);

	private static final Field<String> BODY = field(name("filter_example", "body"), String.class);

	private static final Field<String> AUTHOR_NAME = field(name("filter_example", "author_name"), String.class);

	private static final Field<String> EMAIL_DOMAIN = field(name("filter_example", "email_domain"), String.class);

	private static final Field<String> URL = field(name("filter_example", "url"), String.class);

	private static final Field<Boolean> NEW_AUTHOR = field(name("filter_example", "new_author"), Boolean.class);

	private static final Field<Boolean> FIRST_COMMENT = field(name("filter_example", "first_comment"), Boolean.class);

	private static final Field<Long> CREATED_AT = field(name("filter_example", "created_at"), Long.class);

	private static final Table<Record> MODEL = table(name("filter_model"));

	private static final Field<String> MODEL_TASK = field(name("filter_model", "task"), String.class);

	private static final Field<byte[]> MODEL_BYTES = field(name("filter_model", "model"), byte[].class);

	private static final Field<Long> LAST_EXAMPLE = field(name("filter_model", "last_example"), Long.class);

	private static final Field<Long> EXAMPLES = field(name("filter_model", "examples"), Long.class);

	private static final Field<Long> SAVED_AT = field(name("filter_model", "saved_at"), Long.class);

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
			.values(task.name(), bad, input.text() == null ? "" : input.text(), input.authorName(), domain,
					input.url(), input.newAuthor(), input.firstComment(), clock.millis())
			.returningResult(ID)
			.fetchOne(ID);
	}

	long lastExampleId(FilterTask task) {
		Long last = db.select(max(ID)).from(EXAMPLE).where(TASK.eq(task.name())).fetchOne(0, Long.class);
		return last == null ? 0 : last;
	}

	/** Hands the task's examples with ids in (after, upTo] to {@code each}, oldest first, a page at a time. */
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
