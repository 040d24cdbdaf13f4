-- One sessions table for every door: the app's API and the registration website (a person's
-- ID number), the reviewer console (a reviewer's username) and the clinic counter (the
-- institution's code, with the professional card that passed the three-card check). Only
-- the SHA-256 of a token is kept. A holder is named by text, so the table keeps no foreign
-- key: a person's sessions are deleted with the person's password or device change, a
-- session of any kind by the expiry sweep.
ALTER TABLE sessions DROP CONSTRAINT IF EXISTS sessions_id_number_fkey;
ALTER TABLE sessions DROP CONSTRAINT IF EXISTS sessions_kind_check;
ALTER TABLE sessions RENAME COLUMN id_number TO holder;
ALTER TABLE sessions ALTER COLUMN kind DROP DEFAULT;
ALTER TABLE sessions ADD COLUMN hpc_id TEXT;
ALTER TABLE sessions ADD CONSTRAINT sessions_kind_check
    CHECK (kind IN ('app', 'site', 'reviewer', 'counter'));
ALTER TABLE sessions ADD CONSTRAINT sessions_hpc_id_check
    CHECK ((kind = 'counter') = (hpc_id IS NOT NULL));
INSERT INTO sessions (token_hash, kind, holder, hpc_id, created_at, expires_at)
    SELECT token_hash, 'reviewer', username, NULL, created_at, expires_at FROM reviewer_sessions;
-- A counter session lasted a shift (8 hours) from sign-in, which it did not record.
INSERT INTO sessions (token_hash, kind, holder, hpc_id, created_at, expires_at)
    SELECT token_hash, 'counter', institution_code, hpc_id,
        expires_at - INTERVAL '8 hours', expires_at
    FROM counter_sessions;
DROP TABLE reviewer_sessions;
DROP TABLE counter_sessions;
DROP INDEX sessions_by_person;
CREATE INDEX sessions_by_holder ON sessions (holder, kind);
