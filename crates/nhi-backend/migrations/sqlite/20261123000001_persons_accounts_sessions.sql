-- Insured persons as the NHI card's basic data describes them.
CREATE TABLE persons (
    id_number       TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    birth_date      TEXT NOT NULL,
    sex             TEXT NOT NULL CHECK (sex IN ('M', 'F')),
    card_number     TEXT NOT NULL UNIQUE,
    card_issue_date TEXT NOT NULL,
    card_voided     INTEGER NOT NULL DEFAULT 0,
    email           TEXT
);

-- Registration accounts (註冊密碼) of persons, with the wrong-password counter.
CREATE TABLE accounts (
    id_number     TEXT PRIMARY KEY REFERENCES persons (id_number),
    password_hash TEXT NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until  TEXT
);

-- Sessions: only the SHA-256 of the bearer token is kept.
CREATE TABLE sessions (
    token_hash BLOB PRIMARY KEY,
    id_number  TEXT NOT NULL REFERENCES accounts (id_number),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- The telecom registry the phone authentication asks (simulated carriers).
CREATE TABLE telecom_subscriptions (
    mobile   TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL,
    carrier  TEXT NOT NULL,
    contract TEXT NOT NULL CHECK (contract IN ('monthly', 'prepaid'))
);
