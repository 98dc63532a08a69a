-- publishing and discussion: full-text search (FTS5). Each index is an external-content table over its module's
-- own table, kept by triggers, so it holds no second copy of the text and cannot drift from the rows: a
-- restore or an import that inserts rows indexes them too. SQLite has no Russian or Ukrainian stemmer:
-- unicode61 folds case and diacritics, porter stems English, and the query widens Cyrillic words to prefixes.

-- publishing
CREATE VIRTUAL TABLE article_fts USING fts5(title, lead, body, content='article', content_rowid='id',
  tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
  INSERT INTO article_fts (rowid, title, lead, body) VALUES (new.id, new.title, new.lead, new.body);
END;
CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
  INSERT INTO article_fts (article_fts, rowid, title, lead, body) VALUES ('delete', old.id, old.title, old.lead, old.body);
END;
CREATE TRIGGER article_fts_update AFTER UPDATE OF title, lead, body ON article BEGIN
  INSERT INTO article_fts (article_fts, rowid, title, lead, body) VALUES ('delete', old.id, old.title, old.lead, old.body);
  INSERT INTO article_fts (rowid, title, lead, body) VALUES (new.id, new.title, new.lead, new.body);
END;
INSERT INTO article_fts (article_fts) VALUES ('rebuild');

-- discussion
CREATE VIRTUAL TABLE comment_fts USING fts5(body, content='comment', content_rowid='id',
  tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER comment_fts_insert AFTER INSERT ON comment BEGIN
  INSERT INTO comment_fts (rowid, body) VALUES (new.id, new.body);
END;
CREATE TRIGGER comment_fts_delete AFTER DELETE ON comment BEGIN
  INSERT INTO comment_fts (comment_fts, rowid, body) VALUES ('delete', old.id, old.body);
END;
CREATE TRIGGER comment_fts_update AFTER UPDATE OF body ON comment BEGIN
  INSERT INTO comment_fts (comment_fts, rowid, body) VALUES ('delete', old.id, old.body);
  INSERT INTO comment_fts (rowid, body) VALUES (new.id, new.body);
END;
INSERT INTO comment_fts (comment_fts) VALUES ('rebuild');
