-- Each district's school registry, imported from the coordinator's spreadsheet. A school that profiles refer to is
-- never deleted by an import: it is marked closed. Coordinates are degrees; both or neither are present.
CREATE TABLE schools (
    district        TEXT    NOT NULL,
    number          TEXT    NOT NULL,
    full_name       TEXT    NOT NULL,
    settlement      TEXT    NOT NULL,
    settlement_kind TEXT    NOT NULL,
    size_band       TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    latitude        REAL,
    longitude       REAL,
    director_name   TEXT,
    is_closed       INTEGER NOT NULL DEFAULT 0,
    updated_at      INTEGER NOT NULL,
    PRIMARY KEY (district, number)
);

-- The registry school a director's profile names, when it was chosen from the registry.
ALTER TABLE people ADD COLUMN school_number TEXT;
CREATE INDEX ix_people_school ON people (district, school_number);
