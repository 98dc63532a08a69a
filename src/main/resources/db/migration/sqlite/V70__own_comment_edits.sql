-- A reader edits or deletes their own comment for a short while after posting (issue 15): when it was last
-- edited, when its author deleted it, and the earlier texts, which moderators see.
ALTER TABLE comment ADD COLUMN edited_at INTEGER;
ALTER TABLE comment ADD COLUMN deleted_at INTEGER;

CREATE TABLE comment_revision (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  comment_id  INTEGER NOT NULL REFERENCES comment (id) ON DELETE CASCADE,
  body        TEXT NOT NULL,
  replaced_at INTEGER NOT NULL
);
CREATE INDEX comment_revision_by_comment ON comment_revision (comment_id, id);
