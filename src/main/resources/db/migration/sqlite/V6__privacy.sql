-- media: WebP variants where the site can write them; how many regions an editor blurred
ALTER TABLE photo ADD COLUMN webp INTEGER NOT NULL DEFAULT 0;
ALTER TABLE photo ADD COLUMN blurred_regions INTEGER NOT NULL DEFAULT 0;

-- privacy: single-use links mailed to a guest who asks for a copy or erasure of their data. The address is
-- kept only until the link is used or expires; the retention job deletes the row then.
CREATE TABLE privacy_link (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  token_hash TEXT NOT NULL UNIQUE,
  email      TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at    INTEGER
);
CREATE INDEX privacy_link_by_expiry ON privacy_link (expires_at);

-- privacy: the audit of requests, without personal data: what was done, through which door, and how much
CREATE TABLE privacy_request (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  kind       TEXT NOT NULL,
  channel    TEXT NOT NULL,
  summary    TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

-- discussion: the retention job clears address hashes older than its window
CREATE INDEX comment_by_created ON comment (created_at);
