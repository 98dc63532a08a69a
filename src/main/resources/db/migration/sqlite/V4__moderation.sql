-- moderation: why a comment was held or sent to spam, readers' reports, bans, and what moderators did.
-- Comments themselves stay in discussion's table; these rows name them by id only.

CREATE TABLE comment_reason (
  comment_id INTEGER NOT NULL,
  position   INTEGER NOT NULL,
  reason     TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (comment_id, position)
);

CREATE TABLE comment_report (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  comment_id  INTEGER NOT NULL,
  article_id  INTEGER NOT NULL,
  reason      TEXT NOT NULL,
  reporter    TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  resolved_at INTEGER,
  UNIQUE (comment_id, reporter)
);
CREATE INDEX comment_report_open ON comment_report (resolved_at, comment_id);

CREATE TABLE comment_ban (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id   INTEGER,
  email        TEXT,
  address_hash TEXT,
  note         TEXT NOT NULL DEFAULT '',
  banned_by    INTEGER,
  created_at   INTEGER NOT NULL,
  expires_at   INTEGER,
  lifted_at    INTEGER
);
CREATE INDEX comment_ban_by_account ON comment_ban (account_id);
CREATE INDEX comment_ban_by_email ON comment_ban (email);
CREATE INDEX comment_ban_by_address ON comment_ban (address_hash);

CREATE TABLE moderation_action (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  moderator_id   INTEGER,
  moderator_name TEXT NOT NULL,
  action         TEXT NOT NULL,
  comment_id     INTEGER,
  detail         TEXT NOT NULL DEFAULT '',
  created_at     INTEGER NOT NULL
);
CREATE INDEX moderation_action_by_time ON moderation_action (created_at);
