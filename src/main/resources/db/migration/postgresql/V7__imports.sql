-- importer: which record of which export became which Veche record, so that importing the same file again
-- changes nothing; source names the export (e.g. wxr:https://blog.example, disqus:forum), kind what was made.
CREATE TABLE import_mapping (
  source     TEXT NOT NULL,
  kind       TEXT NOT NULL,
  source_id  TEXT NOT NULL,
  target_id  BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (source, kind, source_id)
);

-- importer: addresses of the old site (normalised path, with ?p=N where WordPress used it) that answer 301
CREATE TABLE old_permalink (
  path       TEXT PRIMARY KEY,
  article_id BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);

-- discussion: imported pingbacks and trackbacks stay marked as such
ALTER TABLE comment ADD COLUMN kind TEXT NOT NULL DEFAULT 'COMMENT';
