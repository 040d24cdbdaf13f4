-- Video visit card requests (see migrations/sqlite/20261130000011_video_visits.sql).
CREATE TABLE video_visits (
    id               TEXT PRIMARY KEY,
    institution_code TEXT NOT NULL REFERENCES institutions (code),
    id_number        TEXT NOT NULL REFERENCES persons (id_number),
    department       TEXT NOT NULL,
    scheduled_at     TIMESTAMPTZ NOT NULL,
    message          TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    expires_at       TIMESTAMPTZ NOT NULL,
    status           TEXT NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'allowed', 'declined', 'cancelled')),
    answered_at      TIMESTAMPTZ,
    answered_by      TEXT,
    authorization_id BIGINT REFERENCES authorizations (id),
    use_serial       BYTEA REFERENCES card_qr_uses (serial)
);
CREATE INDEX video_visits_by_person ON video_visits (id_number, created_at);
CREATE INDEX video_visits_by_institution ON video_visits (institution_code, created_at);

ALTER TABLE card_qr_uses ADD COLUMN video_visit BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE authorization_uses ADD COLUMN video_visit BOOLEAN NOT NULL DEFAULT FALSE;
CREATE OR REPLACE FUNCTION record_delegate_use() RETURNS TRIGGER AS $$
BEGIN
    INSERT INTO authorization_uses (authorization_id, used_at, institution, video_visit)
        VALUES (NEW.authorization_id, NEW.used_at, NEW.institution, NEW.video_visit);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
