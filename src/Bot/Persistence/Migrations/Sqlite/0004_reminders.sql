-- One-shot reminders. A row is delivered at most once: the sweeper claims it with a lease, and writes its messages to
-- the outbox in the same transaction that marks it sent. Recurring reminders add their next row when delivered.
-- state: pending, claimed (leased to one sweep until claimed_until), sent, skipped (the person paused reminders),
-- cancelled (no longer relevant), failed (its kind kept failing or is unknown). due_at is when it was meant to go out;
-- deferred_until holds a pending row back through the recipient's quiet hours without moving due_at, from which
-- lateness is measured.
CREATE TABLE reminders (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    kind           TEXT    NOT NULL,
    subject_type   TEXT    NOT NULL,
    subject_id     INTEGER NOT NULL,
    recipient_id   INTEGER NOT NULL,
    due_at         INTEGER NOT NULL,
    state          TEXT    NOT NULL DEFAULT 'pending',
    deferred_until INTEGER,
    claim_token    TEXT,
    claimed_until  INTEGER,
    attempts       INTEGER NOT NULL DEFAULT 0,
    dedup_key      TEXT    NOT NULL,
    payload        TEXT,
    created_at     INTEGER NOT NULL,
    sent_at        INTEGER,
    UNIQUE (kind, dedup_key)
);
CREATE INDEX ix_reminders_due ON reminders (state, due_at);
CREATE INDEX ix_reminders_subject ON reminders (subject_type, subject_id, state);
CREATE INDEX ix_reminders_recipient ON reminders (recipient_id, state);

-- A person who paused non-essential reminders.
CREATE TABLE reminder_preferences (
    user_id    INTEGER PRIMARY KEY,
    paused     INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL
);
