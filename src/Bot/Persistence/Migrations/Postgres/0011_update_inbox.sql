-- Updates that long polling received and confirmed to Telegram but has not handled yet: the receiver fetches the next
-- batch while this one is handled, and Telegram forgets an update once it is confirmed, so it must be kept here until
-- it is. A row is deleted in the transaction that handles its update.
CREATE TABLE update_inbox (
    update_id BIGINT PRIMARY KEY,
    body      TEXT NOT NULL
);
