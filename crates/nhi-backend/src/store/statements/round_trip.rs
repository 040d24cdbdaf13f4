//! The card QR round trip's statements — the app's session behind `POST /card/qr` with the
//! holder's current application, the card the clinic is shown, and the code's use — stated
//! once here and run by each engine its own way (`read_session`, `read_session_with_card`,
//! `read_current_application`, `read_card_at_counter`, `take_visit_number`): the PostgreSQL
//! store through sqlx, the SQLite store on the calling thread (`sqlite::direct`), the busiest
//! path of the backend.

use std::sync::LazyLock;

use super::PERSON_COLUMNS;

/// An app or website session (`$1` its token's hash, `$2` its kind) with its person.
pub(in super::super) static SESSION: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT {PERSON_COLUMNS}, s.created_at, s.expires_at \
         FROM sessions s JOIN persons p ON p.id_number = s.holder \
         WHERE s.token_hash = $1 AND s.kind = $2"
    )
});

/// An app session (`$1` its token's hash) with its person and the person's current card:
/// the id and status of their latest application not superseded (`CURRENT_APPLICATION`'s),
/// or NULLs. One statement for the two reads a fresh card QR needs.
pub(in super::super) static APP_SESSION_WITH_CARD: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT {PERSON_COLUMNS}, s.created_at, s.expires_at, \
         (SELECT c.id {LATEST}) AS application_id, (SELECT c.status {LATEST}) AS application_status \
         FROM sessions s JOIN persons p ON p.id_number = s.holder \
         WHERE s.token_hash = $1 AND s.kind = 'app'"
    )
});

/// The session holder's latest application not superseded, for a scalar subquery: an index
/// probe each (a join would let PostgreSQL's planner hash the whole table).
const LATEST: &str = "FROM card_applications c WHERE c.id_number = s.holder \
     AND c.status != 'superseded' ORDER BY c.id DESC LIMIT 1";

/// A card application's columns, in `Application`'s order.
pub(super) const APPLICATION_COLUMNS: &str = "id, id_number, status, document_kind, \
     document_upload, photo_upload, contact_phone, email, submitted_at, decided_at, \
     reject_reason, reject_note, reviewer, channel, applied_by, applied_by_name, consent_form";

/// The person's (`$1`) latest application that was not superseded.
pub(in super::super) static CURRENT_APPLICATION: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT {APPLICATION_COLUMNS} FROM card_applications \
         WHERE id_number = $1 AND status != 'superseded' ORDER BY id DESC LIMIT 1"
    )
});

/// What the clinic is shown of a card (`CardAtCounter`), from `a` (the application), `p`
/// (its holder) and `c` (the counter's copy of its photo).
pub(in super::super) static CARD_AT_COUNTER_COLUMNS: LazyLock<String> = LazyLock::new(|| {
    format!("{PERSON_COLUMNS}, a.status, a.photo_upload, c.jpeg AS counter_photo")
});

/// Application `$1` with its holder and the counter's copy of its photo.
pub(in super::super) static CARD_AT_COUNTER: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT {} \
         FROM card_applications a JOIN persons p ON p.id_number = a.id_number \
         LEFT JOIN counter_photos c ON c.upload_id = a.photo_upload WHERE a.id = $1",
        *CARD_AT_COUNTER_COLUMNS
    )
});

/// Consuming a code and taking the holder's next visit number, in one statement: the serial's
/// primary key refuses a second use, the number is the holder's highest of the year plus one
/// (below the year's maximum, `$9`), and the trigger adds a delegate's use to the grantor's
/// list. What was checked before — the card still usable, a delegate's authorization still
/// redeemed, not cancelled and in its period on `$11` (Taiwan's date) — is checked again
/// here, inside the write: a cancellation that was answered before this statement ran is
/// seen, and one still running waits for it (see `take_visit_number`). Each engine runs it
/// so that no two uses of one person read the same highest number and no cancellation of
/// the person's card or authorization interleaves (SQLite's write lock; PostgreSQL's
/// per-person lock, which those cancellations take too); no row when nothing was inserted.
/// Parameters: serial, holder, year, application, authorization, delegate, used at,
/// institution, maximum, video visit, today.
pub(in super::super) const INSERT_QR_USE: &str = "INSERT INTO card_qr_uses (serial, id_number, \
     year, visit_number, application_id, authorization_id, delegate_id, used_at, institution, \
     video_visit) \
     SELECT $1, $2, $3, COALESCE(MAX(visit_number), 0) + 1, $4, $5, $6, $7, $8, $10 \
     FROM card_qr_uses WHERE id_number = $2 AND year = $3 \
     HAVING COALESCE(MAX(visit_number), 0) < $9 \
     AND EXISTS (SELECT 1 FROM card_applications a JOIN persons p ON p.id_number = a.id_number \
         WHERE a.id = $4 AND a.id_number = $2 AND a.status IN ('under_review', 'approved') \
         AND NOT p.card_voided) \
     AND ($5 IS NULL OR EXISTS (SELECT 1 FROM authorizations z WHERE z.id = $5 \
         AND z.grantor_id = $2 AND z.redeemed_at IS NOT NULL AND z.cancelled_at IS NULL \
         AND z.starts_on <= $11 AND z.ends_on >= $11)) \
     ON CONFLICT (serial) DO NOTHING RETURNING visit_number";

/// The holder's (`$1`) highest visit number of year `$2`: why nothing was inserted, when the
/// code was not used before.
pub(in super::super) const HIGHEST_VISIT_NUMBER: &str = "SELECT COALESCE(MAX(visit_number), 0) \
     FROM card_qr_uses WHERE id_number = $1 AND year = $2";
