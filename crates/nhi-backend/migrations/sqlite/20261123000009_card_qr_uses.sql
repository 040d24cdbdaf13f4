-- Card QR codes need no row until they are used (backend::card_qr_token seals what a code
-- stands for into the code itself). A used code's row is keyed by its serial — the one-time
-- guarantee — and carries the visit sequence number it earned: consuming the code and taking
-- the number is one INSERT.
CREATE TABLE card_qr_uses (
    serial           BLOB PRIMARY KEY,
    id_number        TEXT NOT NULL REFERENCES persons (id_number),
    year             INTEGER NOT NULL,
    visit_number     INTEGER NOT NULL,
    application_id   INTEGER REFERENCES card_applications (id),
    authorization_id INTEGER REFERENCES authorizations (id),
    delegate_id      TEXT,
    -- NULL only on the numbers carried over below.
    used_at          TEXT,
    institution      TEXT,
    UNIQUE (id_number, year, visit_number)
);

-- Numbering goes on where it stood: each person's last number of a year, carried over as a
-- use of no code.
INSERT INTO card_qr_uses (serial, id_number, year, visit_number)
    SELECT randomblob(12), id_number, year, last FROM visit_sequences;
DROP TABLE visit_sequences;
-- Issued codes lived five minutes; an app holding one at the upgrade gets a new one.
DROP TABLE card_qr_tokens;

-- A delegate's use appears in the grantor's list of uses within the same statement.
CREATE TRIGGER card_qr_uses_by_delegates AFTER INSERT ON card_qr_uses
WHEN NEW.authorization_id IS NOT NULL
BEGIN
    INSERT INTO authorization_uses (authorization_id, used_at, institution)
        VALUES (NEW.authorization_id, NEW.used_at, NEW.institution);
END;
