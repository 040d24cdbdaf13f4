-- The small copy of an approved card photo that a clinic's counter is shown with each
-- verification (a face at about 240×320, ~20 KB), made once from the stored photo.
CREATE TABLE counter_photos (
    upload_id TEXT PRIMARY KEY REFERENCES uploads (id) ON DELETE CASCADE,
    jpeg      BLOB NOT NULL
);
