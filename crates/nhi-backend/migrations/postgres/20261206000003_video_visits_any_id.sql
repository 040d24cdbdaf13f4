-- A video visit request is kept for any well-formed ID number, whether or not it names a
-- person with a card (see migrations/sqlite/20261206000012_video_visits_any_id.sql).
ALTER TABLE video_visits DROP CONSTRAINT IF EXISTS video_visits_id_number_fkey;
