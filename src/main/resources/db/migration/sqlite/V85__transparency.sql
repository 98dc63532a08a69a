-- Transparency (issue 16): an author's one appeal against a held or removed comment, and the moderation log's
-- hash chain (each line's SHA-256 covers the line before it, sealed when the line's transaction commits).

CREATE TABLE comment_appeal (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  comment_id  INTEGER NOT NULL UNIQUE,
  account_id  INTEGER,
  message     TEXT NOT NULL DEFAULT '',
  status_then TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  outcome     TEXT,
  decided_by  INTEGER,
  decided_at  INTEGER
);
CREATE INDEX comment_appeal_open ON comment_appeal (outcome, created_at);
CREATE INDEX comment_appeal_by_account ON comment_appeal (account_id);
CREATE INDEX comment_appeal_decided ON comment_appeal (decided_at);

ALTER TABLE moderation_action ADD COLUMN chain_seq INTEGER;
ALTER TABLE moderation_action ADD COLUMN chain_hash TEXT;
CREATE UNIQUE INDEX moderation_action_chain ON moderation_action (chain_seq);
CREATE INDEX moderation_action_unsealed ON moderation_action (id) WHERE chain_seq IS NULL;
-- an author is told the last decision on their comment
CREATE INDEX moderation_action_by_comment ON moderation_action (comment_id);

-- the monthly report counts reasons by month
CREATE INDEX comment_reason_by_time ON comment_reason (created_at);
CREATE INDEX comment_report_by_time ON comment_report (created_at);
