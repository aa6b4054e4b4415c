-- PostgreSQL twin of Sqlite/0002_profiles.sql: the same tables, columns and indexes. Integers are BIGINT; flags stay 0/1
-- integers and instants Unix milliseconds, as in SQLite, so that one SQL text in the repositories serves both.
-- Consent to processing of personal data (152-FZ): nothing personal is stored for a person without a row here.
CREATE TABLE consents (
    user_id      BIGINT  PRIMARY KEY,
    version      TEXT    NOT NULL,
    consented_at BIGINT  NOT NULL
);

-- Young and flagship directors. Taxonomy codes and district codes are stored, never their labels.
CREATE TABLE people (
    user_id           BIGINT  PRIMARY KEY,
    role              TEXT    NOT NULL,
    status            TEXT    NOT NULL,
    full_name         TEXT    NOT NULL,
    position          TEXT    NOT NULL,
    school            TEXT    NOT NULL,
    district          TEXT    NOT NULL,
    settlement        TEXT    NOT NULL,
    settlement_kind   TEXT    NOT NULL,
    size_band         TEXT    NOT NULL,
    school_status     TEXT    NOT NULL,
    years_as_director BIGINT  NOT NULL,
    capacity          BIGINT  NOT NULL DEFAULT 0,
    note              TEXT    NOT NULL DEFAULT '',
    username          TEXT,
    is_available      BIGINT  NOT NULL DEFAULT 1,
    rejection_reason  TEXT,
    reviewed_by       BIGINT,
    reviewed_at       BIGINT,
    created_at        BIGINT  NOT NULL,
    updated_at        BIGINT  NOT NULL
);
CREATE INDEX ix_people_district ON people (district, role, status);

-- Deficits (ordered by priority), strengths, offers in return, and wishes to learn.
CREATE TABLE person_codes (
    user_id  BIGINT  NOT NULL REFERENCES people (user_id) ON DELETE CASCADE,
    kind     TEXT    NOT NULL,
    code     TEXT    NOT NULL,
    priority BIGINT  NOT NULL,
    PRIMARY KEY (user_id, kind, code)
);
CREATE INDEX ix_person_codes_code ON person_codes (kind, code);

-- Coordinators see the districts listed for them, or every district of their region.
CREATE TABLE coordinators (
    user_id      BIGINT  PRIMARY KEY,
    display_name TEXT    NOT NULL,
    region       TEXT,
    source       TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL
);

CREATE TABLE coordinator_districts (
    user_id  BIGINT  NOT NULL REFERENCES coordinators (user_id) ON DELETE CASCADE,
    district TEXT    NOT NULL,
    PRIMARY KEY (user_id, district)
);

-- One-time deep-link invites that make whoever opens them a coordinator or a pre-approved flagship.
CREATE TABLE invites (
    code       TEXT    PRIMARY KEY,
    role       TEXT    NOT NULL,
    district   TEXT,
    region     TEXT,
    created_by BIGINT,
    created_at BIGINT  NOT NULL,
    expires_at BIGINT  NOT NULL,
    used_by    BIGINT,
    used_at    BIGINT
);
