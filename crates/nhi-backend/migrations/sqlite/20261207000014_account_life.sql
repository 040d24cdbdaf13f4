-- Getting back into an account whose password is forgotten: once the person has proved on
-- the website who they are (the card reader or the citizen certificate), a one-time link
-- goes to the e-mail address they registered — or, for an account without one (made by phone),
-- a 6-digit code by SMS to their monthly number, which the code page trades for a link. Only
-- the token's SHA-256 and the code keyed with the server's secret are kept; a link lasts 30
-- minutes, serves once, and a newer one for the same ID replaces it.
CREATE TABLE password_resets (
    token_hash BLOB PRIMARY KEY,
    id_number  TEXT NOT NULL REFERENCES accounts (id_number),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at    TEXT,
    code_hash  BLOB
);
CREATE INDEX password_resets_by_person ON password_resets (id_number);

-- What a person agreed to, which version, and when first: the app's User Terms and
-- Conditions and Personal Privacy Statement (the phone path asks), the registration
-- website's rules (registering asks).
CREATE TABLE consents (
    id_number TEXT NOT NULL REFERENCES persons (id_number),
    document  TEXT NOT NULL CHECK (document IN ('app-terms', 'registration-rules')),
    version   TEXT NOT NULL,
    agreed_at TEXT NOT NULL,
    PRIMARY KEY (id_number, document, version)
);

-- The registration form's 聯絡電話 (a local phone, optional) beside the mobile number.
ALTER TABLE registration_applications ADD COLUMN local_phone TEXT NOT NULL DEFAULT '';

-- An account's contact data (帳號資料): where its mail goes, its mobile and local phone.
-- Registering fills it when the e-mail is confirmed; 帳號資料異動 changes it, an e-mail only
-- once the new address has confirmed a link. Accounts registered before start from their
-- latest confirmed registration.
CREATE TABLE account_contacts (
    id_number   TEXT PRIMARY KEY REFERENCES persons (id_number),
    email       TEXT NOT NULL,
    mobile      TEXT NOT NULL,
    local_phone TEXT NOT NULL DEFAULT ''
);
INSERT INTO account_contacts (id_number, email, mobile, local_phone)
    SELECT r.id_number, r.email, r.mobile, r.local_phone FROM registration_applications r
    WHERE r.confirmed_at IS NOT NULL AND r.confirmed_at = (SELECT MAX(o.confirmed_at)
        FROM registration_applications o WHERE o.id_number = r.id_number)
    ON CONFLICT (id_number) DO NOTHING;

-- Every change of contact data, kept: which field, from what to what, when asked and when
-- it took effect. A new e-mail waits for its link (only the token's SHA-256 is kept).
CREATE TABLE contact_changes (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    id_number    TEXT NOT NULL REFERENCES persons (id_number),
    field        TEXT NOT NULL CHECK (field IN ('email', 'mobile', 'local_phone')),
    old_value    TEXT NOT NULL,
    new_value    TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    effective_at TEXT,
    token_hash   BLOB UNIQUE,
    expires_at   TEXT
);
CREATE INDEX contact_changes_by_person ON contact_changes (id_number, requested_at);

-- The simulated carriers' SMS outbox: every text message the backend sent, for testers.
CREATE TABLE sms_outbox (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    mobile     TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL
);
