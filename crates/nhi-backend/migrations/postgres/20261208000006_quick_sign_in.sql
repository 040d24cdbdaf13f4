-- Quick sign-in (生物辨識輔助登入): the public half of a P-256 key a device made in its secure
-- hardware for one ID, which signs only once the OS has verified the user — or, in the web
-- build, a passkey (WebAuthn): then `passkey` holds the credential as the WebAuthn library
-- keeps it (its public key and signature counter) and `public_key` its credential ID. One key
-- per ID and device; enrolling again replaces it. A password reset or a switch of the active
-- device removes the ID's keys.
CREATE TABLE quick_sign_in_keys (
    id_number    TEXT NOT NULL REFERENCES persons (id_number),
    device_id    TEXT NOT NULL,
    public_key   BYTEA NOT NULL,
    label        TEXT NOT NULL,
    enrolled_at  TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ,
    passkey      TEXT,
    PRIMARY KEY (id_number, device_id)
);

-- The challenges a key signs: single-use, 60 seconds, bound to an ID, a device and a
-- purpose. Only their SHA-256 is kept; a passkey ceremony keeps its state beside it (the
-- WebAuthn challenge and what it allows), read back once when the browser answers. Given
-- for any well-formed ID (so an answer tells nothing of who has a key), hence no reference
-- to persons; swept once expired.
CREATE TABLE quick_sign_in_challenges (
    challenge_hash BYTEA PRIMARY KEY,
    purpose        TEXT NOT NULL
                   CHECK (purpose IN ('enrol', 'sign_in', 'action',
                                      'passkey_enrol', 'passkey_sign_in', 'passkey_action')),
    id_number      TEXT NOT NULL,
    device_id      TEXT NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    used_at        TIMESTAMPTZ,
    state          TEXT
);
CREATE INDEX quick_sign_in_challenges_by_expiry ON quick_sign_in_challenges (expires_at);
