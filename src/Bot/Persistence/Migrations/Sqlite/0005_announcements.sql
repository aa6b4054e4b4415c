-- Announcements of forums, internships, seminars… and their broadcast. status: Scheduled, Sending, Sent, Cancelled.
-- The broadcast writes its recipients to the outbox in batches, by ascending user id: enqueued_through is the last one
-- written, enqueued_at is set once all are. The progress message is an outbox row of its own, edited as rows complete;
-- delivered, blocked and failed are counted from the outbox rows when the last one completes, and kept here.
-- coordinator_id is cleared when the coordinator erases their data.
CREATE TABLE announcements (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    coordinator_id     INTEGER,
    kind               TEXT    NOT NULL,
    title              TEXT    NOT NULL,
    starts_at          INTEGER NOT NULL,
    time_zone          TEXT    NOT NULL,
    place              TEXT    NOT NULL,
    description        TEXT    NOT NULL,
    audience           TEXT    NOT NULL,
    status             TEXT    NOT NULL,
    send_at            INTEGER NOT NULL,
    enqueued_through   INTEGER NOT NULL DEFAULT 0,
    enqueued_at        INTEGER,
    recipients         INTEGER NOT NULL DEFAULT 0,
    progress_outbox_id INTEGER,
    progress_done      INTEGER NOT NULL DEFAULT 0,
    progress_edited_at INTEGER,
    delivered          INTEGER,
    blocked            INTEGER,
    failed             INTEGER,
    created_at         INTEGER NOT NULL,
    finished_at        INTEGER
);
CREATE INDEX ix_announcements_status ON announcements (status, send_at);

-- The districts an announcement addresses; a coordinator manages it only if they coordinate every one of them.
CREATE TABLE announcement_districts (
    announcement_id INTEGER NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
    district        TEXT    NOT NULL,
    PRIMARY KEY (announcement_id, district)
);

-- Who an announcement was sent to: the proof that a person may answer it, kept after the outbox rows are gone.
CREATE TABLE announcement_recipients (
    announcement_id INTEGER NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
    user_id         INTEGER NOT NULL,
    PRIMARY KEY (announcement_id, user_id)
);
CREATE INDEX ix_announcement_recipients_user ON announcement_recipients (user_id);

-- One answer per person and announcement: a second press changes it.
CREATE TABLE rsvps (
    announcement_id INTEGER NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
    user_id         INTEGER NOT NULL,
    answer          TEXT    NOT NULL,
    answered_at     INTEGER NOT NULL,
    PRIMARY KEY (announcement_id, user_id)
);
CREATE INDEX ix_rsvps_user ON rsvps (user_id);

-- A broadcast's outbox rows: one per recipient (the unique key makes a resumed broadcast skip those already written),
-- queued behind every other message. ix_outbox_queue hands the sender the rows in that order without sorting them.
ALTER TABLE outbox ADD COLUMN broadcast_id INTEGER;
CREATE UNIQUE INDEX ux_outbox_broadcast ON outbox (broadcast_id, chat_id) WHERE broadcast_id IS NOT NULL;
CREATE INDEX ix_outbox_queue ON outbox (status, (broadcast_id IS NOT NULL), id);
