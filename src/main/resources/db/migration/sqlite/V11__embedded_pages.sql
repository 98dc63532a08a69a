-- embed: pages of other sites whose discussion this site holds (each is an article of kind EXTERNAL_PAGE),
-- and the sign-ins readers made for the embedded discussion on those sites
CREATE TABLE embedded_page (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  url        TEXT NOT NULL UNIQUE,
  origin     TEXT NOT NULL,
  article_id INTEGER NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);

CREATE TABLE embed_token (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  token_hash TEXT NOT NULL UNIQUE,
  account_id INTEGER NOT NULL,
  provider   TEXT,
  origin     TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX embed_token_account ON embed_token (account_id);
