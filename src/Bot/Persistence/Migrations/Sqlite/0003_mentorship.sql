-- A young director's request for a mentor, sent by them or proposed by a coordinator.
CREATE TABLE mentor_requests (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    mentee_id      INTEGER NOT NULL,
    mentor_id      INTEGER NOT NULL,
    status         TEXT    NOT NULL,
    origin         TEXT    NOT NULL,
    proposed_by    INTEGER,
    score          REAL    NOT NULL,
    reason         TEXT    NOT NULL,
    decline_reason TEXT,
    created_at     INTEGER NOT NULL,
    expires_at     INTEGER NOT NULL,
    answered_at    INTEGER
);
-- At most one pending request per young director, enforced by the database itself.
CREATE UNIQUE INDEX ux_mentor_requests_pending ON mentor_requests (mentee_id) WHERE status = 'Pending';
CREATE INDEX ix_mentor_requests_mentor ON mentor_requests (mentor_id, status);

-- Young directors who asked the coordinator to choose their mentor.
CREATE TABLE coordinator_choice_wishes (
    mentee_id  INTEGER PRIMARY KEY,
    created_at INTEGER NOT NULL
);

-- A one-year partnership with its plan of targeted support measures, meetings and check-ins.
CREATE TABLE partnerships (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    mentee_id        INTEGER NOT NULL,
    mentor_id        INTEGER NOT NULL,
    request_id       INTEGER NOT NULL,
    status           TEXT    NOT NULL,
    goals            TEXT    NOT NULL,
    starts_on        TEXT    NOT NULL,
    ends_on          TEXT    NOT NULL,
    mentee_prolongs  INTEGER,
    mentor_prolongs  INTEGER,
    end_reason       TEXT,
    ended_by         INTEGER,
    created_at       INTEGER NOT NULL,
    ended_at         INTEGER,
    last_activity_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_partnerships_active_mentee ON partnerships (mentee_id) WHERE status = 'Active';
CREATE INDEX ix_partnerships_mentor ON partnerships (mentor_id, status);

CREATE TABLE plan_items (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    title          TEXT    NOT NULL,
    owner          TEXT    NOT NULL,
    due_on         TEXT    NOT NULL,
    status         TEXT    NOT NULL,
    created_by     INTEGER,
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);
CREATE INDEX ix_plan_items_partnership ON plan_items (partnership_id);

CREATE TABLE meetings (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    starts_at      INTEGER NOT NULL,
    format         TEXT    NOT NULL,
    note           TEXT    NOT NULL DEFAULT '',
    created_by     INTEGER,
    created_at     INTEGER NOT NULL
);
CREATE INDEX ix_meetings_partnership ON meetings (partnership_id, starts_at);

-- Monthly check-ins: the young director re-rates each goal deficit; the flagship may add a note.
CREATE TABLE checkins (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    comment        TEXT    NOT NULL DEFAULT '',
    mentor_note    TEXT,
    created_at     INTEGER NOT NULL
);
CREATE INDEX ix_checkins_partnership ON checkins (partnership_id, created_at);

CREATE TABLE checkin_ratings (
    checkin_id INTEGER NOT NULL REFERENCES checkins (id) ON DELETE CASCADE,
    code       TEXT    NOT NULL,
    rating     INTEGER NOT NULL,
    PRIMARY KEY (checkin_id, code)
);

CREATE TABLE partnership_feedback (
    partnership_id INTEGER NOT NULL REFERENCES partnerships (id) ON DELETE CASCADE,
    author_id      INTEGER NOT NULL,
    text           TEXT    NOT NULL,
    created_at     INTEGER NOT NULL,
    PRIMARY KEY (partnership_id, author_id)
);
