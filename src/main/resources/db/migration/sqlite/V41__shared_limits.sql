-- Limits that count across nodes, so that several nodes on one database count as one site. Running state, not
-- content: backups leave these tables out.

-- failed sign-ins within the throttle's window, by e-mail ("e:...") and by address hash ("a:...")
CREATE TABLE sign_in_failure (
  throttle_key TEXT NOT NULL,
  failed_at    BIGINT NOT NULL
);
CREATE INDEX sign_in_failure_key ON sign_in_failure (throttle_key, failed_at);

-- the raid detector's recent comments of new identities: MinHash signatures only, no text
CREATE TABLE raid_recent (
  comment_id  BIGINT NOT NULL PRIMARY KEY,
  article_id  BIGINT NOT NULL,
  signature   BLOB NOT NULL,
  posted_at   BIGINT NOT NULL,
  cluster_id  BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX raid_recent_thread ON raid_recent (article_id, posted_at);

-- threads that a raid put under pre-moderation, until when
CREATE TABLE raid_premoderation (
  article_id BIGINT NOT NULL PRIMARY KEY,
  until_at   BIGINT NOT NULL
);
