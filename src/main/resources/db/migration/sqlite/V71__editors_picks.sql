-- Editors' picks (issue 15): when a moderator featured the comment, or null; featured comments lead their thread.
ALTER TABLE comment ADD COLUMN featured_at INTEGER;
