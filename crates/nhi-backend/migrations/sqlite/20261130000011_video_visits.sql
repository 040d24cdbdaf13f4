-- Video visit card requests: an institution asks for the card, the person (or a delegate
-- under `authorization_id`) allows or declines within ten minutes. A pending row past
-- `expires_at` has expired: expiry needs no write. Allow records a use of the card
-- (`use_serial`, with its visit number) in the same transaction.
CREATE TABLE video_visits (
    id               TEXT PRIMARY KEY,
    institution_code TEXT NOT NULL REFERENCES institutions (code),
    id_number        TEXT NOT NULL REFERENCES persons (id_number),
    department       TEXT NOT NULL,
    scheduled_at     TEXT NOT NULL,
    message          TEXT,
    created_at       TEXT NOT NULL,
    expires_at       TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'allowed', 'declined', 'cancelled')),
    answered_at      TEXT,
    answered_by      TEXT,
    authorization_id INTEGER REFERENCES authorizations (id),
    use_serial       BLOB REFERENCES card_qr_uses (serial)
);
CREATE INDEX video_visits_by_person ON video_visits (id_number, created_at);
CREATE INDEX video_visits_by_institution ON video_visits (institution_code, created_at);

-- Whether a use of the card was a video visit allowed in the app, on both lists of uses.
ALTER TABLE card_qr_uses ADD COLUMN video_visit INTEGER NOT NULL DEFAULT 0;
ALTER TABLE authorization_uses ADD COLUMN video_visit INTEGER NOT NULL DEFAULT 0;
DROP TRIGGER card_qr_uses_by_delegates;
CREATE TRIGGER card_qr_uses_by_delegates AFTER INSERT ON card_qr_uses
WHEN NEW.authorization_id IS NOT NULL
BEGIN
    INSERT INTO authorization_uses (authorization_id, used_at, institution, video_visit)
        VALUES (NEW.authorization_id, NEW.used_at, NEW.institution, NEW.video_visit);
END;
