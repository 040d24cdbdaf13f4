-- One-time card QR tokens (only their SHA-256 is kept), and who used them.
CREATE TABLE card_qr_tokens (
    token_hash     BLOB PRIMARY KEY,
    qr_id          TEXT NOT NULL UNIQUE,
    id_number      TEXT NOT NULL REFERENCES persons (id_number),
    application_id INTEGER NOT NULL REFERENCES card_applications (id),
    delegate_id    TEXT,
    issued_at      TEXT NOT NULL,
    expires_at     TEXT NOT NULL,
    used_at        TEXT,
    used_by        TEXT
);

-- Medical institutions: the public list, and the "three cards" that authenticate them
-- (the institution's security module card, and healthcare professionals' cards).
CREATE TABLE institutions (
    code                 TEXT PRIMARY KEY,
    name                 TEXT NOT NULL,
    area                 TEXT NOT NULL,
    address              TEXT NOT NULL,
    departments          TEXT NOT NULL,
    accepts_virtual_card INTEGER NOT NULL,
    sam_key_hash         BLOB NOT NULL
);
CREATE TABLE professionals (
    hpc_id           TEXT PRIMARY KEY,
    institution_code TEXT NOT NULL REFERENCES institutions (code),
    name             TEXT NOT NULL,
    pin_hash         BLOB NOT NULL
);

-- Virtual-card visit sequence numbers (V001…), per person and year, apart from the
-- physical card's.
CREATE TABLE visit_sequences (
    id_number TEXT NOT NULL REFERENCES persons (id_number),
    year      INTEGER NOT NULL,
    last      INTEGER NOT NULL,
    PRIMARY KEY (id_number, year)
);
