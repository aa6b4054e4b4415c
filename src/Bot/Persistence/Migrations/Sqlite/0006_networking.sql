-- A director's networking choices. listed: NULL follows the role (an approved flagship is found by /find, a young
-- director is not), 1 or 0 is the person's own choice. allow_contact: whether «Написать» hands out their contact.
CREATE TABLE network_settings (
    user_id       INTEGER PRIMARY KEY,
    allow_contact INTEGER NOT NULL DEFAULT 0,
    listed        INTEGER,
    updated_at    INTEGER NOT NULL
);

-- The latest /find of each person, so that its page buttons stay short; stamp tells an older search's buttons apart.
CREATE TABLE network_searches (
    user_id    INTEGER PRIMARY KEY,
    stamp      INTEGER NOT NULL,
    code       TEXT,
    district   TEXT,
    query      TEXT,
    created_at INTEGER NOT NULL
);

-- School and note of each profile, lower-cased with ё folded into е by the bot (SQLite's lower() knows ASCII only).
-- Refreshed before each text search for the profiles whose updated_at changed since.
CREATE TABLE network_search_index (
    user_id            INTEGER PRIMARY KEY,
    profile_updated_at INTEGER NOT NULL,
    text               TEXT    NOT NULL
);

-- «Написать» to someone who does not share their contact: they accept (both get each other's contact) or decline.
CREATE TABLE introductions (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    requester_id       INTEGER NOT NULL,
    requester_username TEXT,
    addressee_id       INTEGER NOT NULL,
    status             TEXT    NOT NULL,
    created_at         INTEGER NOT NULL,
    answered_at        INTEGER
);
CREATE UNIQUE INDEX ux_introductions_pending ON introductions (requester_id, addressee_id) WHERE status = 'Pending';
CREATE INDEX ix_introductions_addressee ON introductions (addressee_id, status);

-- The bank of management practices. author_id is NULL once the author erased their data: an approved practice stays,
-- as the school's; pending and rejected ones go with the author.
CREATE TABLE practices (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    author_id        INTEGER,
    school           TEXT    NOT NULL,
    district         TEXT    NOT NULL,
    title            TEXT    NOT NULL,
    description      TEXT    NOT NULL,
    link             TEXT,
    status           TEXT    NOT NULL,
    rejection_reason TEXT,
    reviewed_by      INTEGER,
    reviewed_at      INTEGER,
    created_at       INTEGER NOT NULL
);
CREATE INDEX ix_practices_status ON practices (status, district);
CREATE INDEX ix_practices_author ON practices (author_id);

CREATE TABLE practice_codes (
    practice_id INTEGER NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
    code        TEXT    NOT NULL,
    PRIMARY KEY (practice_id, code)
);
CREATE INDEX ix_practice_codes_code ON practice_codes (code);

-- An internship site's programme: a school (its host director, NULL once erased), a theme, codes and dates.
CREATE TABLE internship_programmes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    host_id    INTEGER,
    school     TEXT    NOT NULL,
    district   TEXT    NOT NULL,
    theme      TEXT    NOT NULL,
    starts_on  TEXT    NOT NULL,
    ends_on    TEXT    NOT NULL,
    created_by INTEGER,
    created_at INTEGER NOT NULL
);
CREATE INDEX ix_internship_programmes_district ON internship_programmes (district, ends_on);

CREATE TABLE internship_codes (
    programme_id INTEGER NOT NULL REFERENCES internship_programmes (id) ON DELETE CASCADE,
    code         TEXT    NOT NULL,
    PRIMARY KEY (programme_id, code)
);

-- Directors who asked to join a programme: Requested, then Confirmed or Declined by a coordinator of its district.
CREATE TABLE internship_participants (
    programme_id INTEGER NOT NULL REFERENCES internship_programmes (id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL,
    status       TEXT    NOT NULL,
    requested_at INTEGER NOT NULL,
    decided_by   INTEGER,
    decided_at   INTEGER,
    PRIMARY KEY (programme_id, user_id)
);
CREATE INDEX ix_internship_participants_user ON internship_participants (user_id);

-- Peer meetings ("random coffee"): who takes part, and the groups of each monthly round.
CREATE TABLE peer_participants (
    user_id        INTEGER PRIMARY KEY,
    cross_district INTEGER NOT NULL DEFAULT 0,
    paused         INTEGER NOT NULL DEFAULT 0,
    joined_at      INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);

CREATE TABLE peer_rounds (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    month   TEXT    NOT NULL UNIQUE,
    held_at INTEGER NOT NULL
);

CREATE TABLE peer_groups (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    round_id INTEGER NOT NULL REFERENCES peer_rounds (id) ON DELETE CASCADE
);
CREATE INDEX ix_peer_groups_round ON peer_groups (round_id);

-- met: the answer to "did you meet?" a week later; NULL until answered.
CREATE TABLE peer_group_members (
    group_id    INTEGER NOT NULL REFERENCES peer_groups (id) ON DELETE CASCADE,
    user_id     INTEGER NOT NULL,
    met         INTEGER,
    answered_at INTEGER,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX ix_peer_group_members_user ON peer_group_members (user_id);

-- Multi-use registration links printed on a forum's slides: whoever opens one registers in its role and district.
CREATE TABLE forum_links (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    code       TEXT    NOT NULL UNIQUE,
    role       TEXT    NOT NULL,
    district   TEXT    NOT NULL,
    created_by INTEGER,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER,
    opened     INTEGER NOT NULL DEFAULT 0
);
