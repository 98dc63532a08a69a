-- notification: who asked for mail (one row per address), what they asked for, and the mail waiting to go.

CREATE TABLE notification_reader (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  email      TEXT NOT NULL UNIQUE,
  account_id INTEGER,
  language   TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

-- topic: replies (target = the reader's comment), comments (target = the article), articles, held, reports
-- (target 0). Nothing but the confirmation is sent for a row until confirmed_at is set.
CREATE TABLE notification_subscription (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  reader_id    INTEGER NOT NULL REFERENCES notification_reader (id) ON DELETE CASCADE,
  topic        TEXT NOT NULL,
  target_id    INTEGER NOT NULL DEFAULT 0,
  cadence      TEXT NOT NULL DEFAULT 'instant',
  created_at   INTEGER NOT NULL,
  confirmed_at INTEGER,
  digest_from  INTEGER NOT NULL,
  source_comment_id INTEGER,
  UNIQUE (reader_id, topic, target_id)
);
CREATE INDEX notification_subscription_by_topic ON notification_subscription (topic, target_id);
CREATE INDEX notification_subscription_by_comment ON notification_subscription (source_comment_id);

-- what a digest will list; one row per subscription and event
CREATE TABLE notification_digest_item (
  subscription_id INTEGER NOT NULL REFERENCES notification_subscription (id) ON DELETE CASCADE,
  event_key       TEXT NOT NULL,
  headline        TEXT NOT NULL,
  excerpt         TEXT NOT NULL DEFAULT '',
  url             TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  PRIMARY KEY (subscription_id, event_key)
);

-- the outbox: one row per recipient and event, whatever handles the event how often
CREATE TABLE notification_outbox (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  recipient       TEXT NOT NULL,
  event_key       TEXT NOT NULL,
  subscription_id INTEGER,
  subject         TEXT NOT NULL,
  text_body       TEXT NOT NULL,
  html_body       TEXT NOT NULL,
  unsubscribe_url TEXT,
  created_at      INTEGER NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  sent_at         INTEGER,
  failed_at       INTEGER,
  last_error      TEXT,
  UNIQUE (recipient, event_key)
);
CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
