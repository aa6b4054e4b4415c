-- The forum resolution's pairs: a flagship school designated to support a young director's school, by registry numbers.
-- A pair waits until both schools' directors are registered, is then proposed to both, and starts a partnership when
-- both confirm. At most one live (waiting or proposed) pair per young school.
CREATE TABLE designated_pairs (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    district         TEXT    NOT NULL,
    flagship_number  TEXT    NOT NULL,
    young_number     TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    mentor_id        INTEGER,
    mentee_id        INTEGER,
    mentor_confirmed INTEGER NOT NULL DEFAULT 0,
    mentee_confirmed INTEGER NOT NULL DEFAULT 0,
    declined_by      TEXT,
    partnership_id   INTEGER,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_designated_pairs_live ON designated_pairs (district, young_number) WHERE status IN ('Waiting', 'Proposed');
CREATE INDEX ix_designated_pairs_district ON designated_pairs (district, status);
