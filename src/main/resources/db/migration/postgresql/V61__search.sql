-- publishing and discussion: full-text search. Expression indexes rather than stored columns, so the tables
-- (and backups) keep the columns they had; the queries in publishing.internal.Articles and
-- discussion.internal.Comments repeat these expressions word for word, or the planner cannot use the index.
-- Text with letters only Ukrainian has (і, ї, є, ґ) is indexed with 'simple': PostgreSQL has no Ukrainian
-- stemmer, and the Russian one would mangle it. Everything else with 'russian', which stems Cyrillic words as
-- Russian and Latin ones as English.

-- publishing
CREATE INDEX article_search ON article USING gin ((
  CASE WHEN (title || ' ' || lead || ' ' || body) ~ '[іїєґІЇЄҐ]'
    THEN to_tsvector('simple'::regconfig, title || ' ' || lead || ' ' || body)
    ELSE to_tsvector('russian'::regconfig, title || ' ' || lead || ' ' || body) END));

-- discussion
CREATE INDEX comment_search ON comment USING gin ((
  CASE WHEN body ~ '[іїєґІЇЄҐ]'
    THEN to_tsvector('simple'::regconfig, body)
    ELSE to_tsvector('russian'::regconfig, body) END));
