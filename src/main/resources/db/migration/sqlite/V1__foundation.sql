-- Instants are epoch milliseconds (INTEGER) on both databases: one representation, sortable, no time-zone drift.
-- Tables belong to the module named in their comment; no module reads another's tables.

-- site: settings and keys that the site makes for itself
CREATE TABLE site_setting (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- identity
CREATE TABLE account (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  email         TEXT NOT NULL UNIQUE,
  password_hash TEXT,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  suspended_at  INTEGER
);

CREATE TABLE api_token (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id   INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  token_hash   TEXT NOT NULL UNIQUE,
  created_at   INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at   INTEGER
);

-- publishing
CREATE TABLE article (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  slug           TEXT NOT NULL UNIQUE,
  kind           TEXT NOT NULL,
  title          TEXT NOT NULL,
  lead           TEXT NOT NULL DEFAULT '',
  body           TEXT NOT NULL DEFAULT '',
  body_html      TEXT NOT NULL DEFAULT '',
  author_id      INTEGER,
  author_name    TEXT NOT NULL,
  status         TEXT NOT NULL,
  published_at   INTEGER,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  source_name    TEXT,
  source_url     TEXT,
  cover_photo_id INTEGER,
  comment_status TEXT NOT NULL DEFAULT 'open'
);
CREATE INDEX article_by_status_date ON article (status, published_at);

CREATE TABLE article_tag (
  article_id INTEGER NOT NULL REFERENCES article (id) ON DELETE CASCADE,
  tag        TEXT NOT NULL,
  PRIMARY KEY (article_id, tag)
);
CREATE INDEX article_tag_by_tag ON article_tag (tag, article_id);

-- media
CREATE TABLE photo (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id  INTEGER,
  position    INTEGER NOT NULL DEFAULT 0,
  caption     TEXT NOT NULL DEFAULT '',
  credit      TEXT NOT NULL DEFAULT '',
  alt         TEXT NOT NULL DEFAULT '',
  width       INTEGER NOT NULL,
  height      INTEGER NOT NULL,
  storage_key TEXT NOT NULL UNIQUE,
  widths      TEXT NOT NULL,
  created_at  INTEGER NOT NULL
);
CREATE INDEX photo_by_article ON photo (article_id, position);

-- discussion
CREATE TABLE comment (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  article_id   INTEGER NOT NULL,
  parent_id    INTEGER REFERENCES comment (id),
  depth        INTEGER NOT NULL DEFAULT 0,
  author_name  TEXT NOT NULL,
  author_email TEXT NOT NULL,
  author_url   TEXT,
  account_id   INTEGER,
  body         TEXT NOT NULL,
  body_html    TEXT NOT NULL,
  status       TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  address_hash TEXT,
  likes        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX comment_by_thread ON comment (article_id, status, id);
CREATE INDEX comment_by_address ON comment (address_hash, created_at);
CREATE INDEX comment_by_email ON comment (author_email, created_at);

CREATE TABLE comment_like (
  comment_id   INTEGER NOT NULL REFERENCES comment (id) ON DELETE CASCADE,
  reader       TEXT NOT NULL,
  address_hash TEXT,
  created_at   INTEGER NOT NULL,
  PRIMARY KEY (comment_id, reader)
);
CREATE INDEX comment_like_by_address ON comment_like (comment_id, address_hash);
