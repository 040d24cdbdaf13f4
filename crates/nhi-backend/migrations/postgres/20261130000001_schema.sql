-- The whole schema for PostgreSQL, as the SQLite migrations leave it (migrations/sqlite):
-- one file, since this store starts here. Dates are DATE, instants TIMESTAMPTZ, flags
-- BOOLEAN, bytes BYTEA; domain values (ID numbers, card numbers …) TEXT as in SQLite.

-- Insured persons as the NHI card's basic data describes them.
CREATE TABLE persons (
    id_number       TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    birth_date      DATE NOT NULL,
    sex             TEXT NOT NULL CHECK (sex IN ('M', 'F')),
    card_number     TEXT NOT NULL UNIQUE,
    card_issue_date DATE NOT NULL,
    card_voided     BOOLEAN NOT NULL DEFAULT FALSE,
    email           TEXT
);

-- Registration accounts (註冊密碼) of persons.
CREATE TABLE accounts (
    id_number     TEXT PRIMARY KEY REFERENCES persons (id_number),
    password_hash TEXT NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until  TIMESTAMPTZ
);

-- Sessions: only the SHA-256 of the bearer token is kept. `app` sessions open the API,
-- `site` sessions the registration website only.
CREATE TABLE sessions (
    token_hash BYTEA PRIMARY KEY,
    id_number  TEXT NOT NULL REFERENCES accounts (id_number),
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    kind       TEXT NOT NULL DEFAULT 'app' CHECK (kind IN ('app', 'site'))
);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
CREATE INDEX sessions_by_person ON sessions (id_number, kind);

-- The telecom registry the phone authentication asks (simulated carriers).
CREATE TABLE telecom_subscriptions (
    mobile   TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL,
    carrier  TEXT NOT NULL,
    contract TEXT NOT NULL CHECK (contract IN ('monthly', 'prepaid'))
);

-- Devices bound to an ID (裝置認證), one active at a time per ID.
CREATE TABLE device_bindings (
    device_id       TEXT NOT NULL,
    id_number       TEXT NOT NULL REFERENCES persons (id_number),
    device_key_hash BYTEA NOT NULL,
    label           TEXT NOT NULL,
    bound_via       TEXT NOT NULL CHECK (bound_via IN ('phone', 'code')),
    bound_at        TIMESTAMPTZ NOT NULL,
    active          BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (device_id, id_number)
);
CREATE UNIQUE INDEX one_active_device_per_id ON device_bindings (id_number) WHERE active;

-- One-time secrets handed out during binding (phone-check tickets, device codes), keyed.
CREATE TABLE binding_secrets (
    secret_hash BYTEA PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('phone_ticket', 'device_code')),
    id_number   TEXT NOT NULL REFERENCES persons (id_number),
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);

-- Applications on the registration website, until the e-mail is confirmed.
CREATE TABLE registration_applications (
    confirm_token_hash BYTEA PRIMARY KEY,
    id_number          TEXT NOT NULL REFERENCES persons (id_number),
    method             TEXT NOT NULL CHECK (method IN ('card', 'certificate')),
    password_hash      TEXT NOT NULL,
    mobile             TEXT NOT NULL,
    email              TEXT NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    expires_at         TIMESTAMPTZ NOT NULL,
    confirmed_at       TIMESTAMPTZ
);

-- The simulated mail server.
CREATE TABLE outbox (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient  TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- Failed attempts per subject, for attempt limits (shared by every instance).
CREATE TABLE attempt_counters (
    subject      TEXT PRIMARY KEY,
    failures     BIGINT NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    locked_until TIMESTAMPTZ
);

-- Images uploaded for card applications.
CREATE TABLE uploads (
    id         TEXT PRIMARY KEY,
    id_number  TEXT NOT NULL REFERENCES persons (id_number),
    kind       TEXT NOT NULL CHECK (kind IN ('id_document', 'photo')),
    bytes      BYTEA NOT NULL,
    width      BIGINT NOT NULL,
    height     BIGINT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- Virtual NHI Card applications (申辦).
CREATE TABLE card_applications (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id_number       TEXT NOT NULL REFERENCES persons (id_number),
    status          TEXT NOT NULL CHECK (status IN ('under_review', 'approved', 'rejected', 'superseded', 'cancelled')),
    document_kind   TEXT NOT NULL,
    document_upload TEXT NOT NULL REFERENCES uploads (id),
    photo_upload    TEXT NOT NULL REFERENCES uploads (id),
    contact_phone   TEXT NOT NULL,
    email           TEXT NOT NULL,
    submitted_at    TIMESTAMPTZ NOT NULL,
    decided_at      TIMESTAMPTZ,
    reject_reason   TEXT,
    reject_note     TEXT,
    reviewer        TEXT
);
CREATE INDEX card_applications_by_person ON card_applications (id_number, id DESC);
CREATE INDEX card_applications_queue ON card_applications (status, submitted_at);

-- NHIA reviewers and their sessions.
CREATE TABLE reviewers (
    username      TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    password_hash TEXT NOT NULL
);
CREATE TABLE reviewer_sessions (
    token_hash BYTEA PRIMARY KEY,
    username   TEXT NOT NULL REFERENCES reviewers (username),
    expires_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- Medical institutions and the professionals' cards that authenticate them.
CREATE TABLE institutions (
    code                 TEXT PRIMARY KEY,
    name                 TEXT NOT NULL,
    area                 TEXT NOT NULL,
    address              TEXT NOT NULL,
    departments          TEXT NOT NULL,
    accepts_virtual_card BOOLEAN NOT NULL,
    sam_key_hash         BYTEA NOT NULL
);
CREATE TABLE professionals (
    hpc_id           TEXT PRIMARY KEY,
    institution_code TEXT NOT NULL REFERENCES institutions (code),
    name             TEXT NOT NULL,
    pin_hash         BYTEA NOT NULL
);

-- My Health Bank.
CREATE TABLE health_requests (
    id_number    TEXT NOT NULL REFERENCES persons (id_number),
    requested_on DATE NOT NULL,
    requested_at TIMESTAMPTZ NOT NULL,
    ready_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (id_number, requested_on)
);
CREATE TABLE health_records (
    id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id_number TEXT NOT NULL REFERENCES persons (id_number),
    category  TEXT NOT NULL,
    happened  DATE NOT NULL,
    title     TEXT NOT NULL,
    summary   TEXT NOT NULL,
    details   TEXT NOT NULL
);
CREATE INDEX health_records_by_person ON health_records (id_number, category, happened DESC);

-- Authorizations (授權使用) and every use of a card by a delegate.
CREATE TABLE authorizations (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    grantor_id       TEXT NOT NULL REFERENCES persons (id_number),
    grantee_id       TEXT NOT NULL REFERENCES persons (id_number),
    starts_on        DATE NOT NULL,
    ends_on          DATE NOT NULL,
    code_hash        BYTEA NOT NULL,
    qr_hash          BYTEA NOT NULL UNIQUE,
    offer_expires_at TIMESTAMPTZ NOT NULL,
    offer_voided     BOOLEAN NOT NULL DEFAULT FALSE,
    redeemed_at      TIMESTAMPTZ,
    cancelled_at     TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX authorizations_by_grantor ON authorizations (grantor_id);
CREATE INDEX authorizations_by_grantee ON authorizations (grantee_id);
CREATE TABLE authorization_uses (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    authorization_id BIGINT NOT NULL REFERENCES authorizations (id),
    used_at          TIMESTAMPTZ NOT NULL,
    institution      TEXT NOT NULL
);

-- The simulated certificate authority's citizen digital certificates.
CREATE TABLE citizen_certificates (
    serial    TEXT PRIMARY KEY,
    id_number TEXT NOT NULL REFERENCES persons (id_number),
    revoked   BOOLEAN NOT NULL DEFAULT FALSE
);

-- The counter page's own session.
CREATE TABLE counter_sessions (
    token_hash       BYTEA PRIMARY KEY,
    institution_code TEXT NOT NULL REFERENCES institutions (code),
    hpc_id           TEXT NOT NULL,
    expires_at       TIMESTAMPTZ NOT NULL
);

-- The small copy of an approved card photo shown at the counter.
CREATE TABLE counter_photos (
    upload_id TEXT PRIMARY KEY REFERENCES uploads (id) ON DELETE CASCADE,
    jpeg      BYTEA NOT NULL
);

-- Used card QR codes, keyed by serial (the one-time guarantee), with the visit sequence
-- number each earned; the numbers of a person and year never repeat.
CREATE TABLE card_qr_uses (
    serial           BYTEA PRIMARY KEY,
    id_number        TEXT NOT NULL REFERENCES persons (id_number),
    year             INTEGER NOT NULL,
    visit_number     BIGINT NOT NULL,
    application_id   BIGINT REFERENCES card_applications (id),
    authorization_id BIGINT REFERENCES authorizations (id),
    delegate_id      TEXT,
    used_at          TIMESTAMPTZ,
    institution      TEXT,
    UNIQUE (id_number, year, visit_number)
);

-- A delegate's use appears in the grantor's list of uses within the same statement.
CREATE FUNCTION record_delegate_use() RETURNS TRIGGER AS $$
BEGIN
    INSERT INTO authorization_uses (authorization_id, used_at, institution)
        VALUES (NEW.authorization_id, NEW.used_at, NEW.institution);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER card_qr_uses_by_delegates AFTER INSERT ON card_qr_uses
    FOR EACH ROW WHEN (NEW.authorization_id IS NOT NULL) EXECUTE FUNCTION record_delegate_use();
