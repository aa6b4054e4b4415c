-- Receiving: the confirmed getUpdates offset and similar single values.
CREATE TABLE bot_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Updates whose effects are committed; a redelivered update_id is skipped.
CREATE TABLE processed_updates (
    update_id    INTEGER PRIMARY KEY,
    processed_at INTEGER NOT NULL
);
CREATE INDEX ix_processed_updates_processed_at ON processed_updates (processed_at);

-- Private chats the bot can write to; a 403 marks one blocked until the person writes again.
CREATE TABLE chats (
    chat_id    INTEGER PRIMARY KEY,
    is_blocked INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL
);

-- Each person's place in a dialog: a named step and the draft gathered so far.
CREATE TABLE conversations (
    user_id    INTEGER PRIMARY KEY,
    state      TEXT    NOT NULL,
    draft      TEXT,
    history    TEXT    NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL
);

-- Outgoing Bot API calls, written in the same transaction as the change that caused them.
CREATE TABLE outbox (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id             INTEGER NOT NULL,
    kind                TEXT    NOT NULL,
    payload             TEXT    NOT NULL,
    status              TEXT    NOT NULL DEFAULT 'pending',
    attempts            INTEGER NOT NULL DEFAULT 0,
    not_before          INTEGER NOT NULL,
    created_at          INTEGER NOT NULL,
    completed_at        INTEGER,
    telegram_message_id INTEGER,
    error               TEXT
);
CREATE INDEX ix_outbox_pending ON outbox (status, not_before, id);
CREATE INDEX ix_outbox_chat ON outbox (chat_id, status, id);
