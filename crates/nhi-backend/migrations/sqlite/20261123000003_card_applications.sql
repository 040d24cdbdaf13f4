-- Images uploaded for card applications: kept in the database, served only to their owner
-- and to reviewers. Content was checked by decoding on upload.
CREATE TABLE uploads (
    id         TEXT PRIMARY KEY,
    id_number  TEXT NOT NULL REFERENCES persons (id_number),
    kind       TEXT NOT NULL CHECK (kind IN ('id_document', 'photo')),
    bytes      BLOB NOT NULL,
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    created_at TEXT NOT NULL
);

-- Virtual NHI Card applications (申辦). The newest non-superseded one is the card's state.
CREATE TABLE card_applications (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    id_number          TEXT NOT NULL REFERENCES persons (id_number),
    status             TEXT NOT NULL CHECK (status IN ('under_review', 'approved', 'rejected', 'superseded', 'cancelled')),
    document_kind      TEXT NOT NULL,
    document_upload    TEXT NOT NULL REFERENCES uploads (id),
    photo_upload       TEXT NOT NULL REFERENCES uploads (id),
    contact_phone      TEXT NOT NULL,
    email              TEXT NOT NULL,
    submitted_at       TEXT NOT NULL,
    decided_at         TEXT,
    reject_reason      TEXT,
    reject_note        TEXT,
    reviewer           TEXT
);
CREATE INDEX card_applications_by_person ON card_applications (id_number, id DESC);
CREATE INDEX card_applications_queue ON card_applications (status, submitted_at);

-- NHIA reviewers (their own accounts, separate from insured persons) and their sessions.
CREATE TABLE reviewers (
    username      TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    password_hash TEXT NOT NULL
);
CREATE TABLE reviewer_sessions (
    token_hash BLOB PRIMARY KEY,
    username   TEXT NOT NULL REFERENCES reviewers (username),
    expires_at TEXT NOT NULL
);
