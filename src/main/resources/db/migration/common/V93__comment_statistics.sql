-- moderators' statistics: comments by day, status and thread are counted from this index alone (a range of
-- created_at); it begins with created_at, so it also serves everything comment_by_created served (retention).
CREATE INDEX comment_by_day ON comment (created_at, status, article_id);
DROP INDEX comment_by_created;
