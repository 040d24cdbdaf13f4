-- Session kinds: an `app` session comes only from an app login on a bound, active device and
-- opens the API; a `site` session opens the registration website only. Sessions of before
-- cannot be told apart, so everyone signs in again once.
DELETE FROM sessions;
ALTER TABLE sessions ADD COLUMN kind TEXT NOT NULL DEFAULT 'app' CHECK (kind IN ('app', 'site'));
CREATE INDEX sessions_by_person ON sessions (id_number, kind);

-- Reviewer sessions end after idle time and at most 8 hours after sign-in.
DELETE FROM reviewer_sessions;
ALTER TABLE reviewer_sessions ADD COLUMN created_at TEXT NOT NULL DEFAULT '';

-- The citizen digital certificates (自然人憑證) the simulated certificate authority issued:
-- the website accepts a certificate only if it was issued to that person and not revoked.
CREATE TABLE citizen_certificates (
    serial    TEXT PRIMARY KEY,
    id_number TEXT NOT NULL REFERENCES persons (id_number),
    revoked   INTEGER NOT NULL DEFAULT 0
);

-- Clinic card secrets (SAM keys, HPC PINs) were bare SHA-256; they are now keyed with the
-- server's secret (HMAC). The demo institutions are seeded again at start-up.
DELETE FROM professionals;
DELETE FROM institutions;
-- Authorization codes are keyed too; open offers of before are void.
UPDATE authorizations SET offer_voided = 1 WHERE redeemed_at IS NULL;
-- Device verification codes likewise.
DELETE FROM binding_secrets WHERE used_at IS NULL;

-- The counter page's own session: after one three-card check, the clerk serves the queue
-- without typing the cards again. Only the identity the check established is kept (never
-- the SAM key or the PIN), and only the token's SHA-256.
CREATE TABLE counter_sessions (
    token_hash       BLOB PRIMARY KEY,
    institution_code TEXT NOT NULL REFERENCES institutions (code),
    hpc_id           TEXT NOT NULL,
    expires_at       TEXT NOT NULL
);
