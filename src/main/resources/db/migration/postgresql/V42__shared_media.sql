-- Photo files on a site of several nodes: every variant and kept original, by its path under the data directory
-- ("media/<key>/<width>.jpg", "originals/<key>"). Each node keeps the files it served under its data directory
-- as a cache; the database holds them all. Backups write them as files (the media section), not as rows.
CREATE TABLE media_file (
  path       TEXT NOT NULL PRIMARY KEY,
  bytes      BYTEA NOT NULL,
  created_at BIGINT NOT NULL
);
