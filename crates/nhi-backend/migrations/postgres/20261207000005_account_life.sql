-- Getting back into an account whose password is forgotten: once the person has proved on
-- the website who they are (the card reader or the citizen certificate), a one-time link
-- goes to the e-mail address they registered. Only the link token's SHA-256 is kept; a link
-- lasts 30 minutes, serves once, and a newer one for the same ID replaces it.
CREATE TABLE password_resets (
    token_hash BYTEA PRIMARY KEY,
    id_number  TEXT NOT NULL REFERENCES accounts (id_number),
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX password_resets_by_person ON password_resets (id_number);

-- What a person agreed to, which version, and when first: the app's User Terms and
-- Conditions and Personal Privacy Statement (the phone path asks), the registration
-- website's rules (registering asks).
CREATE TABLE consents (
    id_number TEXT NOT NULL REFERENCES persons (id_number),
    document  TEXT NOT NULL CHECK (document IN ('app-terms', 'registration-rules')),
    version   TEXT NOT NULL,
    agreed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (id_number, document, version)
);

-- The registration form's 聯絡電話 (a local phone, optional) beside the mobile number.
ALTER TABLE registration_applications ADD COLUMN local_phone TEXT NOT NULL DEFAULT '';
