-- identity: local accounts verify their address; one-time links for verification, password reset and
-- change of address. Accounts made before this point were made by the site's owner: they count as verified.
ALTER TABLE account ADD COLUMN email_verified_at INTEGER;
UPDATE account SET email_verified_at = created_at;

CREATE TABLE account_token (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  purpose    TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  new_email  TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at    INTEGER
);
CREATE INDEX account_token_by_account ON account_token (account_id, purpose);
