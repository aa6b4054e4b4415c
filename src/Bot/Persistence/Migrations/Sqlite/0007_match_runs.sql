-- A coordinator's district matching run: the pairs they pinned or dropped while shaping the proposal.
CREATE TABLE match_runs (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    coordinator_id INTEGER NOT NULL,
    status         TEXT    NOT NULL,
    created_at     INTEGER NOT NULL,
    released_at    INTEGER
);
CREATE INDEX ix_match_runs_coordinator ON match_runs (coordinator_id, status);

CREATE TABLE match_run_choices (
    run_id    INTEGER NOT NULL REFERENCES match_runs (id) ON DELETE CASCADE,
    mentee_id INTEGER NOT NULL,
    mentor_id INTEGER NOT NULL,
    choice    TEXT    NOT NULL,
    PRIMARY KEY (run_id, mentee_id, mentor_id)
);
