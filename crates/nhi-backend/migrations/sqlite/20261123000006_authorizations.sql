-- Authorizations (授權使用): a card holder lets a named person use the card in a period.
-- The offer (6-digit code and QR) is one-time and valid 5 minutes; only hashes are kept.
CREATE TABLE authorizations (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    grantor_id       TEXT NOT NULL REFERENCES persons (id_number),
    grantee_id       TEXT NOT NULL REFERENCES persons (id_number),
    starts_on        TEXT NOT NULL,
    ends_on          TEXT NOT NULL,
    code_hash        BLOB NOT NULL,
    qr_hash          BLOB NOT NULL UNIQUE,
    offer_expires_at TEXT NOT NULL,
    offer_voided     INTEGER NOT NULL DEFAULT 0,
    redeemed_at      TEXT,
    cancelled_at     TEXT,
    created_at       TEXT NOT NULL
);
CREATE INDEX authorizations_by_grantor ON authorizations (grantor_id);
CREATE INDEX authorizations_by_grantee ON authorizations (grantee_id);

-- Every use of a card by a delegate, for the grantor to see.
CREATE TABLE authorization_uses (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    authorization_id INTEGER NOT NULL REFERENCES authorizations (id),
    used_at          TEXT NOT NULL,
    institution      TEXT NOT NULL
);

ALTER TABLE card_qr_tokens ADD COLUMN authorization_id INTEGER REFERENCES authorizations (id);
