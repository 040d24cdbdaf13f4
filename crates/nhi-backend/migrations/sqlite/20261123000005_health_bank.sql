-- My Health Bank: one data request a day per person, ready after the processing delay.
CREATE TABLE health_requests (
    id_number    TEXT NOT NULL REFERENCES persons (id_number),
    requested_on TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    ready_at     TEXT NOT NULL,
    PRIMARY KEY (id_number, requested_on)
);

-- The records a request assembles (seeded demo records per person).
CREATE TABLE health_records (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    id_number TEXT NOT NULL REFERENCES persons (id_number),
    category  TEXT NOT NULL,
    happened  TEXT NOT NULL,
    title     TEXT NOT NULL,
    summary   TEXT NOT NULL,
    details   TEXT NOT NULL
);
CREATE INDEX health_records_by_person ON health_records (id_number, category, happened DESC);
