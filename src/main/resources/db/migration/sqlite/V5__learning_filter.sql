-- moderation.filter: moderators' decisions as labelled examples (only the e-mail's domain is kept, never the
-- address), and each classifier's model with the last example it has learned
CREATE TABLE filter_example (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  task          TEXT NOT NULL,
  bad           INTEGER NOT NULL,
  body          TEXT NOT NULL,
  author_name   TEXT,
  email_domain  TEXT,
  url           TEXT,
  new_author    INTEGER NOT NULL DEFAULT 0,
  first_comment INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL
);

CREATE INDEX filter_example_task ON filter_example (task, id);

CREATE TABLE filter_model (
  task          TEXT PRIMARY KEY,
  model         BLOB NOT NULL,
  last_example  INTEGER NOT NULL,
  examples      INTEGER NOT NULL,
  saved_at      INTEGER NOT NULL
);
