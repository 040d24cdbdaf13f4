-- One sessions table for every door: the app's API and the registration website (a person's
-- ID number), the reviewer console (a reviewer's username) and the clinic counter (the
-- institution's code, with the professional card that passed the three-card check). Only
-- the SHA-256 of a token is kept. A holder is named by text, so the table keeps no foreign
-- key: a person's sessions are deleted with the person's password or device change, a
-- session of any kind by the expiry sweep. SQLite cannot drop a foreign key, so the table
-- is built anew and the three tables of before are poured into it.
CREATE TABLE sessions_of_every_door (
    token_hash BLOB PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('app', 'site', 'reviewer', 'counter')),
    holder     TEXT NOT NULL,
    hpc_id     TEXT,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    CHECK ((kind = 'counter') = (hpc_id IS NOT NULL))
);
INSERT INTO sessions_of_every_door (token_hash, kind, holder, hpc_id, created_at, expires_at)
    SELECT token_hash, kind, id_number, NULL, created_at, expires_at FROM sessions;
INSERT INTO sessions_of_every_door (token_hash, kind, holder, hpc_id, created_at, expires_at)
    SELECT token_hash, 'reviewer', username, NULL, created_at, expires_at FROM reviewer_sessions;
-- A counter session lasted a shift (8 hours) from sign-in, which it did not record.
INSERT INTO sessions_of_every_door (token_hash, kind, holder, hpc_id, created_at, expires_at)
    SELECT token_hash, 'counter', institution_code, hpc_id,
        COALESCE(strftime('%Y-%m-%dT%H:%M:%f+00:00', expires_at, '-8 hours'), expires_at),
        expires_at
    FROM counter_sessions;
DROP TABLE sessions;
DROP TABLE reviewer_sessions;
DROP TABLE counter_sessions;
ALTER TABLE sessions_of_every_door RENAME TO sessions;
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
CREATE INDEX sessions_by_holder ON sessions (holder, kind);
