-- when the address was last sent a "Confirm your notifications" mail that it has not followed yet (epoch
-- milliseconds): one pending confirmation per address, sent again at most once a day; cleared on confirming
ALTER TABLE notification_reader ADD COLUMN confirmation_asked_at INTEGER;
