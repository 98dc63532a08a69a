-- identity: accounts signed into through an external provider (OAuth2 / OpenID Connect); one account may link several
CREATE TABLE account_identity (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id     INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  provider       TEXT NOT NULL,
  subject        TEXT NOT NULL,
  email          TEXT,
  email_verified INTEGER NOT NULL DEFAULT 0,
  display_name   TEXT,
  created_at     INTEGER NOT NULL,
  UNIQUE (provider, subject)
);

CREATE INDEX account_identity_account ON account_identity (account_id);
