-- The card QR round trip's two statements as the backend sends them to PostgreSQL, for
-- pgbench (scripts/bench-pg-floor.sh): `round_trip::APP_SESSION_WITH_CARD` (POST /card/qr)
-- and `OWN_CODE_USED` in store/postgres (POST /institution/verifications with a holder's own
-- code, the counter photo known to the caller). The parameters are what the round-trip
-- bench's persons have: application :n is person n's, session sha256(n) theirs (added by the
-- script), the serial the issue second and 8 random bytes as a card QR's.
\set n random(1, 256)
\set r random(1, 9223372036854775807)
SELECT p.id_number, p.name, p.birth_date, p.sex, p.card_number, p.card_issue_date, p.card_voided, p.email, s.created_at, s.expires_at, (SELECT c.id FROM card_applications c WHERE c.id_number = s.holder AND c.status != 'superseded' ORDER BY c.id DESC LIMIT 1) AS application_id, (SELECT c.status FROM card_applications c WHERE c.id_number = s.holder AND c.status != 'superseded' ORDER BY c.id DESC LIMIT 1) AS application_status FROM sessions s JOIN persons p ON p.id_number = s.holder WHERE s.token_hash = sha256(int4send(:n)) AND s.kind = 'app';
WITH used AS MATERIALIZED (SELECT nhi_use_own_code(int4send(extract(epoch from now())::int) || int8send(:r), :n, 2026, now(), '好心家庭醫學科診所', 99999, current_date) AS taken) SELECT used.taken, p.id_number, p.name, p.birth_date, p.sex, p.card_number, p.card_issue_date, p.card_voided, p.email, a.status, a.photo_upload, CASE WHEN a.photo_upload IS DISTINCT FROM 'bench-photo-' || (:n - 1) THEN c.jpeg END AS counter_photo FROM used CROSS JOIN card_applications a JOIN persons p ON p.id_number = a.id_number LEFT JOIN counter_photos c ON c.upload_id = a.photo_upload WHERE a.id = :n AND used.taken IS NOT NULL;
