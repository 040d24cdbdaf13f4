-- 專案申請: medical and counter staff apply for the card on a person's behalf. Only
-- institutions of the Home Health Care Integration Plan (居家醫療照護整合計畫) may, and only for
-- the cases registered with them; NHIA counter staff (臨櫃) at a division, for a person present.
ALTER TABLE institutions ADD COLUMN home_care_plan BOOLEAN NOT NULL DEFAULT FALSE;

-- The plan's case registry (simulated): which persons each institution cares for at home.
CREATE TABLE home_care_cases (
    institution_code TEXT NOT NULL REFERENCES institutions (code),
    id_number        TEXT NOT NULL REFERENCES persons (id_number),
    PRIMARY KEY (institution_code, id_number)
);

-- The application's channel and who made it: 'app' (the person, 一般申請), 'home_care' (a
-- professional of a plan institution: applied_by = institution code and professional card,
-- applied_by_name = the institution's name), 'counter' (NHIA counter staff: applied_by = the
-- staff account, applied_by_name = the division). A staff application carries the signed
-- consent form's photo.
ALTER TABLE card_applications ADD COLUMN channel TEXT NOT NULL DEFAULT 'app'
    CHECK (channel IN ('app', 'home_care', 'counter'));
ALTER TABLE card_applications ADD COLUMN applied_by TEXT;
ALTER TABLE card_applications ADD COLUMN applied_by_name TEXT;
ALTER TABLE card_applications ADD COLUMN consent_form TEXT;

-- Who uploaded an image for the person: none for the person themself, else as applied_by.
ALTER TABLE uploads ADD COLUMN uploaded_by TEXT;

-- The signed consent forms staff photograph (re-encoded JPEG, as the other images).
CREATE TABLE consent_forms (
    id          TEXT PRIMARY KEY,
    id_number   TEXT NOT NULL REFERENCES persons (id_number),
    uploaded_by TEXT NOT NULL,
    bytes       BYTEA NOT NULL,
    width       BIGINT NOT NULL,
    height      BIGINT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
