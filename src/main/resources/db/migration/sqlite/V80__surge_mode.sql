-- Surge mode: a coordinated attack on several threads at once. Running state, not content: backups leave these
-- tables out, as they leave out the raid detector's.

-- the keyed hash of the author's address beside each recent signature (counted, never shown), and the site-wide
-- order in which surge mode reads the newest signatures
ALTER TABLE raid_recent ADD COLUMN address_hash TEXT;
CREATE INDEX raid_recent_posted ON raid_recent (posted_at);

-- surges, with the evidence that started them; "active" is 1 while one is in force and NULL once lifted, and
-- unique, so that two posts (on any node) that show an attack at once start one surge
CREATE TABLE surge (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  active     INTEGER UNIQUE,
  started_at INTEGER NOT NULL,
  seen_at    INTEGER NOT NULL,
  site_wide  INTEGER NOT NULL DEFAULT 0,
  comments   INTEGER NOT NULL,
  addresses  INTEGER NOT NULL,
  lifted_at  INTEGER
);

-- the threads a surge hit, whose new identities' comments it holds
CREATE TABLE surge_thread (
  surge_id   INTEGER NOT NULL,
  article_id INTEGER NOT NULL,
  PRIMARY KEY (surge_id, article_id)
);
