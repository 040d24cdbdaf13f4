-- Devices bound to an ID (裝置認證). A device may be bound to several IDs (a family phone),
-- each binding with its own key; an ID may have several devices, one active at a time.
CREATE TABLE device_bindings (
    device_id       TEXT NOT NULL,
    id_number       TEXT NOT NULL REFERENCES persons (id_number),
    device_key_hash BLOB NOT NULL,
    label           TEXT NOT NULL,
    bound_via       TEXT NOT NULL CHECK (bound_via IN ('phone', 'code')),
    bound_at        TEXT NOT NULL,
    active          INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (device_id, id_number)
);
CREATE UNIQUE INDEX one_active_device_per_id ON device_bindings (id_number) WHERE active = 1;

-- One-time secrets handed out during binding: phone-check tickets and the website's device
-- verification codes. Only their SHA-256 is kept.
CREATE TABLE binding_secrets (
    secret_hash BLOB PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('phone_ticket', 'device_code')),
    id_number   TEXT NOT NULL REFERENCES persons (id_number),
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT
);

-- Applications on the NHI Card Online Services Registration website, until the e-mail is
-- confirmed (or they lapse after 5 days).
CREATE TABLE registration_applications (
    confirm_token_hash BLOB PRIMARY KEY,
    id_number          TEXT NOT NULL REFERENCES persons (id_number),
    method             TEXT NOT NULL CHECK (method IN ('card', 'certificate')),
    password_hash      TEXT NOT NULL,
    mobile             TEXT NOT NULL,
    email              TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    expires_at         TEXT NOT NULL,
    confirmed_at       TEXT
);

-- The simulated mail server: every e-mail the backend sends, for testers to read.
CREATE TABLE outbox (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    recipient  TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Failed attempts per subject ("phone:A123456789", "code-ip:127.0.0.1", …) for attempt limits.
CREATE TABLE attempt_counters (
    subject       TEXT PRIMARY KEY,
    failures      INTEGER NOT NULL,
    window_start  TEXT NOT NULL,
    locked_until  TEXT
);
