-- A video visit request is kept for any well-formed ID number, whether or not it names a
-- person with a card: the institution's answer is then the same for every ID (a request that
-- nobody answers expires), and a request discloses nothing about who holds a card. SQLite
-- cannot drop a foreign key, so the table is built anew without the one on `id_number`.
CREATE TABLE video_visits_any_id (
    id               TEXT PRIMARY KEY,
    institution_code TEXT NOT NULL REFERENCES institutions (code),
    id_number        TEXT NOT NULL,
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
INSERT INTO video_visits_any_id SELECT id, institution_code, id_number, department,
    scheduled_at, message, created_at, expires_at, status, answered_at, answered_by,
    authorization_id, use_serial FROM video_visits;
DROP TABLE video_visits;
ALTER TABLE video_visits_any_id RENAME TO video_visits;
CREATE INDEX video_visits_by_person ON video_visits (id_number, created_at);
CREATE INDEX video_visits_by_institution ON video_visits (institution_code, created_at);
