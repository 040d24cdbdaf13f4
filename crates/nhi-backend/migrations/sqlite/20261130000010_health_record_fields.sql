-- Record lines name what they are (a field key the app labels in its language) instead of
-- carrying a zh-TW and an English label. The records are demo data: remove them and the
-- backend seeds them again in the new shape at its next start.
DELETE FROM health_records;
