package org.veche.notification.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.veche.notification.Cadence;
import org.veche.notification.Subscriber;
import org.veche.notification.Subscription;
import org.veche.notification.Topic;
import org.veche.schema.tables.NotificationReader;
import org.veche.schema.tables.NotificationSubscription;

/**
 * The notification_reader and notification_subscription tables: one row per address, one
 * per thing asked for.
 */
@Repository
public class Subscriptions {

	private static final NotificationReader READER = NotificationReader.NOTIFICATION_READER;

	private static final Field<Long> READER_ID = READER.ID;

	private static final Field<String> EMAIL = READER.EMAIL;

	private static final Field<Long> ACCOUNT_ID = READER.ACCOUNT_ID;

	private static final Field<String> LANGUAGE = READER.LANGUAGE;

	private static final Field<Long> READER_CREATED = READER.CREATED_AT;

	private static final Field<Long> CONFIRMATION_ASKED = READER.CONFIRMATION_ASKED_AT;

	private static final NotificationSubscription SUBSCRIPTION = NotificationSubscription.NOTIFICATION_SUBSCRIPTION;

	private static final Field<Long> ID = SUBSCRIPTION.ID;

	private static final Field<Long> SUB_READER = SUBSCRIPTION.READER_ID;

	private static final Field<String> TOPIC = SUBSCRIPTION.TOPIC;

	private static final Field<Long> TARGET = SUBSCRIPTION.TARGET_ID;

	private static final Field<String> CADENCE = SUBSCRIPTION.CADENCE;

	private static final Field<Long> CREATED = SUBSCRIPTION.CREATED_AT;

	private static final Field<Long> CONFIRMED = SUBSCRIPTION.CONFIRMED_AT;

	private static final Field<Long> DIGEST_FROM = SUBSCRIPTION.DIGEST_FROM;

	private static final Field<Long> SOURCE_COMMENT = SUBSCRIPTION.SOURCE_COMMENT_ID;

	private static final List<Field<?>> FIELDS = List.of(ID, SUB_READER, EMAIL, ACCOUNT_ID, LANGUAGE, TOPIC, TARGET,
			CADENCE, CONFIRMED);

	/** An address that asked for mail. */

	private final DSLContext db;

	private final JdbcClient jdbc;

	Subscriptions(DSLContext db, JdbcClient jdbc) {
		this.db = db;
		this.jdbc = jdbc;
	}

	/**
	 * The reader row of the address, made on first use; a later account or language does
	 * not change it.
	 */
	public Subscriber reader(String email, Long accountId, Locale language, Instant now) {
		db.insertInto(READER)
			.set(EMAIL, email)
			.set(ACCOUNT_ID, accountId)
			.set(LANGUAGE, language.getLanguage())
			.set(READER_CREATED, now.toEpochMilli())
			.onConflictDoNothing()
			.execute();
		if (accountId != null) {
			db.update(READER).set(ACCOUNT_ID, accountId).where(EMAIL.eq(email).and(ACCOUNT_ID.isNull())).execute();
		}
		return readerByEmail(email).orElseThrow();
	}

	public Optional<Subscriber> reader(long id) {
		return db.select(READER_ID, EMAIL, ACCOUNT_ID, LANGUAGE)
			.from(READER)
			.where(READER_ID.eq(id))
			.fetchOptional(Subscriptions::reader);
	}

	public Optional<Subscriber> readerByEmail(String email) {
		return db.select(READER_ID, EMAIL, ACCOUNT_ID, LANGUAGE)
			.from(READER)
			.where(EMAIL.eq(email))
			.fetchOptional(Subscriptions::reader);
	}

	public void setLanguage(long readerId, Locale language) {
		db.update(READER).set(LANGUAGE, language.getLanguage()).where(READER_ID.eq(readerId)).execute();
	}

	/**
	 * Adds the subscription unless the reader has it already, and returns it as stored:
	 * asking again changes neither its cadence nor whether it is confirmed.
	 * @param sourceCommentId the comment whose form asked for it, or null
	 */
	public Subscription add(long readerId, Topic topic, long targetId, Cadence cadence, Long sourceCommentId,
			boolean confirmed, Instant now) {
		db.insertInto(SUBSCRIPTION)
			.set(SUB_READER, readerId)
			.set(TOPIC, topic.param())
			.set(TARGET, targetId)
			.set(CADENCE, cadence.param())
			.set(CREATED, now.toEpochMilli())
			.set(CONFIRMED, confirmed ? now.toEpochMilli() : null)
			.set(DIGEST_FROM, now.toEpochMilli())
			.set(SOURCE_COMMENT, sourceCommentId)
			.onConflictDoNothing()
			.execute();
		return select(SUB_READER.eq(readerId).and(TOPIC.eq(topic.param())).and(TARGET.eq(targetId))).get(0);
	}

	public Optional<Subscription> byId(long id) {
		return select(ID.eq(id)).stream().findFirst();
	}

	public List<Subscription> byIds(Collection<Long> ids) {
		return select(ID.in(ids));
	}

	public List<Subscription> ofReader(long readerId) {
		return select(SUB_READER.eq(readerId));
	}

	/** The confirmed subscriptions to a topic and target: who is told of an event. */
	public List<Subscription> confirmed(Topic topic, long targetId) {
		return select(TOPIC.eq(topic.param()).and(TARGET.eq(targetId)).and(CONFIRMED.isNotNull()));
	}

	private static final String FOLLOWED_ARTICLE = "select 1 from notification_subscription where topic = ? and target_id = ? "
			+ "and confirmed_at is not null limit 1";

	private static final String FOLLOWED_ARTICLE_OR_PARENT = "select 1 from notification_subscription where "
			+ "(topic = ? and target_id = ? or topic = ? and target_id = ?) and confirmed_at is not null limit 1";

	/**
	 * Whether anyone confirmed they follow the replies to this comment or every comment
	 * of this article.
	 */
	public boolean followed(long articleId, Long parentId) {
		// asked for every approved comment: plain SQL (jOOQ would render it afresh each
		// time)
		var followers = parentId == null ? jdbc.sql(FOLLOWED_ARTICLE).params(Topic.COMMENTS.param(), articleId)
				: jdbc.sql(FOLLOWED_ARTICLE_OR_PARENT)
					.params(Topic.COMMENTS.param(), articleId, Topic.REPLIES.param(), parentId);
		return followers.query(Integer.class).optional().isPresent();
	}

	/**
	 * Subscriptions asked for from this comment's form that still wait for their
	 * confirmation.
	 */
	public List<Subscription> unconfirmedFrom(long commentId) {
		return select(SOURCE_COMMENT.eq(commentId).and(CONFIRMED.isNull()));
	}

	/**
	 * Takes the address's turn to be sent a confirmation: none is pending, or the last
	 * was sent before {@code askedBefore}. One statement, so two comments at once cannot
	 * both take it.
	 */
	public boolean claimConfirmation(long readerId, Instant now, Instant askedBefore) {
		return db.update(READER)
			.set(CONFIRMATION_ASKED, now.toEpochMilli())
			.where(READER_ID.eq(readerId)
				.and(CONFIRMATION_ASKED.isNull().or(CONFIRMATION_ASKED.lt(askedBefore.toEpochMilli()))))
			.execute() > 0;
	}

	/**
	 * Everything the reader asked for that still waits for their confirmation, oldest
	 * first.
	 */
	public List<Subscription> unconfirmedOf(long readerId) {
		return select(SUB_READER.eq(readerId).and(CONFIRMED.isNull()));
	}

	/**
	 * @return how many of them were waiting
	 */
	public int confirm(Collection<Long> ids, Instant now) {
		// the address answered: the next thing it asks for is confirmed by a mail of its
		// own, at once
		db.update(READER)
			.set(CONFIRMATION_ASKED, (Long) null)
			.where(READER_ID.in(db.select(SUB_READER).from(SUBSCRIPTION).where(ID.in(ids))))
			.execute();
		return db.update(SUBSCRIPTION)
			.set(CONFIRMED, now.toEpochMilli())
			.set(DIGEST_FROM, now.toEpochMilli())
			.where(ID.in(ids).and(CONFIRMED.isNull()))
			.execute();
	}

	public void setCadence(long id, Cadence cadence) {
		db.update(SUBSCRIPTION).set(CADENCE, cadence.param()).where(ID.eq(id)).execute();
	}

	public boolean remove(long id) {
		return db.deleteFrom(SUBSCRIPTION).where(ID.eq(id)).execute() > 0;
	}

	/** Confirmed digests of this cadence whose period began before the given instant. */
	public List<Subscription> digestsDue(Cadence cadence, Instant periodStartedBefore) {
		return select(CADENCE.eq(cadence.param())
			.and(CONFIRMED.isNotNull())
			.and(DIGEST_FROM.le(periodStartedBefore.toEpochMilli())));
	}

	/** When the subscription's current digest period began. */
	public Instant digestFrom(long id) {
		return Instant.ofEpochMilli(db.select(DIGEST_FROM).from(SUBSCRIPTION).where(ID.eq(id)).fetchOne(DIGEST_FROM));
	}

	public void startDigestPeriod(long id, Instant now) {
		db.update(SUBSCRIPTION).set(DIGEST_FROM, now.toEpochMilli()).where(ID.eq(id)).execute();
	}

	/**
	 * Forgets what was never confirmed: an address someone else typed gets nothing more,
	 * and is not kept.
	 */
	public int removeUnconfirmed(Instant createdBefore) {
		int removed = db.deleteFrom(SUBSCRIPTION)
			.where(CONFIRMED.isNull().and(CREATED.lt(createdBefore.toEpochMilli())))
			.execute();
		db.deleteFrom(READER)
			.where(READER_CREATED.lt(createdBefore.toEpochMilli()))
			.andNotExists(db.selectOne().from(SUBSCRIPTION).where(SUB_READER.eq(READER_ID)))
			.execute();
		return removed;
	}

	/**
	 * The addresses a person asked for mail at: their proven address, and any their
	 * account asked from.
	 */
	public List<Subscriber> readersOf(Long accountId, String email) {
		Condition byEmail = email == null ? org.jooq.impl.DSL.falseCondition()
				: EMAIL.eq(email.toLowerCase(Locale.ROOT));
		Condition byAccount = accountId == null ? org.jooq.impl.DSL.falseCondition() : ACCOUNT_ID.eq(accountId);
		return db.select(READER_ID, EMAIL, ACCOUNT_ID, LANGUAGE)
			.from(READER)
			.where(byEmail.or(byAccount))
			.orderBy(READER_ID)
			.fetch(Subscriptions::reader);
	}

	/** Forgets the address and everything it asked for. */
	public boolean removeReader(String email) {
		return db.deleteFrom(READER).where(EMAIL.eq(email)).execute() > 0;
	}

	private List<Subscription> select(Condition condition) {
		return db.select(FIELDS)
			.from(SUBSCRIPTION)
			.join(READER)
			.on(READER_ID.eq(SUB_READER))
			.where(condition)
			.orderBy(ID)
			.fetch(r -> new Subscription(r.get(ID),
					new Subscriber(r.get(SUB_READER), r.get(EMAIL), r.get(ACCOUNT_ID),
							Locale.forLanguageTag(r.get(LANGUAGE))),
					Topic.parse(r.get(TOPIC)).orElseThrow(), r.get(TARGET),
					Cadence.parse(r.get(CADENCE)).orElse(Cadence.INSTANT),
					r.get(CONFIRMED) == null ? null : Instant.ofEpochMilli(r.get(CONFIRMED))));
	}

	private static Subscriber reader(Record r) {
		return new Subscriber(r.get(READER_ID), r.get(EMAIL), r.get(ACCOUNT_ID),
				Locale.forLanguageTag(r.get(LANGUAGE)));
	}

}
