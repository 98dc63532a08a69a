-- webhooks: addresses an administrator registered, and the deliveries waiting for them (a durable queue,
-- written in the transaction of the comment's change and sent after it by one node)

CREATE TABLE webhook (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  url           TEXT NOT NULL,
  secret        TEXT NOT NULL,
  allow_private INTEGER NOT NULL DEFAULT 0,
  created_by    INTEGER,
  created_at    INTEGER NOT NULL
);

CREATE TABLE webhook_delivery (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  webhook_id      INTEGER NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
  event_key       TEXT NOT NULL,
  payload         TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  delivered_at    INTEGER,
  failed_at       INTEGER,
  last_error      TEXT,
  UNIQUE (webhook_id, event_key)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;
