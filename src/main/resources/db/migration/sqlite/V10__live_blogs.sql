-- live: an article in live blog mode, and its short timestamped updates, newest shown first.
CREATE TABLE live_blog (
  article_id INTEGER PRIMARY KEY,
  started_at INTEGER NOT NULL,
  ended_at   INTEGER
);

CREATE TABLE live_update (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id  INTEGER NOT NULL,
  body        TEXT NOT NULL,
  body_html   TEXT NOT NULL,
  author_id   INTEGER,
  author_name TEXT NOT NULL,
  created_at  INTEGER NOT NULL
);
CREATE INDEX live_update_by_article ON live_update (article_id, id);
