//! Video visits (視訊診療) without screenshots: the clinic asks for the card remotely, the
//! person (or a delegate) allows or declines in the app. The request's lifetime, what a
//! request may say, and the limits against a clinic sending too many.

use chrono::{DateTime, Duration, Utc};

use super::attempt_limit::AttemptLimit;

/// A request waits this long for an answer, then expires.
pub const REQUEST_LIFETIME: Duration = Duration::minutes(10);
/// How far back the visit may have been scheduled (the call already started, running late).
pub const SCHEDULED_AT_MOST_AGO: Duration = Duration::hours(2);
/// How far ahead: the request is made when the call is near, not days before.
pub const SCHEDULED_AT_MOST_AHEAD: Duration = Duration::hours(24);
/// The clinic's optional note to the patient ("Dr. Lin will call on LINE").
pub const MAX_MESSAGE_CHARS: usize = 100;
/// Ended requests stay listed this long, so both sides see how each one ended.
pub const SHOWN_AFTER_ENDING: Duration = Duration::minutes(30);

/// Requests an institution may send, per institution: a busy video clinic's hour, not a
/// machine's.
pub const REQUESTS_PER_INSTITUTION: AttemptLimit = rate(60, 60);
/// Requests one institution may send one person: asking again after a decline or an expiry
/// is fine, nagging is not.
pub const REQUESTS_PER_INSTITUTION_AND_PERSON: AttemptLimit = rate(3, 60);
/// Requests one person may receive from all institutions together.
pub const REQUESTS_PER_PERSON: AttemptLimit = rate(10, 60);

/// A rate rather than a secret: every request counts, and the subject waits out its window.
const fn rate(max: u32, minutes: i64) -> AttemptLimit {
    AttemptLimit {
        max_failures: max,
        window: Duration::minutes(minutes),
        lock_for: Duration::minutes(minutes),
        reset_on_success: false,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    #[error("the visit must be scheduled between 2 hours ago and 24 hours from now")]
    ScheduledOutOfRange,
    #[error("the department is not one of this institution's")]
    UnknownDepartment,
    #[error("the message may have at most {MAX_MESSAGE_CHARS} characters, on one line")]
    MessageNotAllowed,
}

/// Characters a one-line note must not hold: controls, line and paragraph separators, and
/// the invisible format characters that reorder or hide text (bidi overrides and isolates,
/// zero-width spaces and joiners, the byte-order mark) — a note reading "call 0912…" must
/// show what it says.
fn hides_or_breaks_text(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{061C}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// Checks what a clinic asks with: a visit near now, one of its own departments, a short
/// one-line note. Returns the note as kept (trimmed; none when blank).
pub fn check_request(
    scheduled_at: DateTime<Utc>,
    department: &str,
    departments: &[String],
    message: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<String>, RequestError> {
    if scheduled_at < now - SCHEDULED_AT_MOST_AGO || scheduled_at > now + SCHEDULED_AT_MOST_AHEAD {
        return Err(RequestError::ScheduledOutOfRange);
    }
    if !departments.iter().any(|d| d == department) {
        return Err(RequestError::UnknownDepartment);
    }
    let message = message.map(str::trim).filter(|m| !m.is_empty());
    if let Some(m) = message {
        if m.chars().count() > MAX_MESSAGE_CHARS || m.chars().any(hides_or_breaks_text) {
            return Err(RequestError::MessageNotAllowed);
        }
    }
    Ok(message.map(str::to_owned))
}

/// Where a request stands. A pending request past its lifetime has expired, whatever its row
/// says: expiry needs no writer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Pending,
    Allowed,
    Declined,
    Cancelled,
    Expired,
}

impl Stage {
    /// The stage of a request stored as `status` (pending, allowed, declined, cancelled)
    /// expiring at `expires_at`, seen at `now`.
    pub fn of(status: &str, expires_at: DateTime<Utc>, now: DateTime<Utc>) -> Option<Self> {
        Some(match status {
            "pending" if expires_at <= now => Self::Expired,
            "pending" => Self::Pending,
            "allowed" => Self::Allowed,
            "declined" => Self::Declined,
            "cancelled" => Self::Cancelled,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 30, 6, 0, 0).unwrap()
    }

    fn departments() -> Vec<String> {
        vec!["家醫科".into(), "內科".into()]
    }

    #[test]
    fn a_visit_near_now_in_a_known_department_is_accepted() {
        let kept = check_request(
            now(),
            "家醫科",
            &departments(),
            Some("  林醫師 LINE 視訊 "),
            now(),
        );
        assert_eq!(kept, Ok(Some("林醫師 LINE 視訊".into())));
        let blank = check_request(now(), "內科", &departments(), Some("   "), now());
        assert_eq!(blank, Ok(None));
    }

    #[test]
    fn the_visit_time_department_and_message_are_checked() {
        let d = departments();
        let early = now() - SCHEDULED_AT_MOST_AGO - Duration::seconds(1);
        let late = now() + SCHEDULED_AT_MOST_AHEAD + Duration::seconds(1);
        assert_eq!(
            check_request(early, "內科", &d, None, now()),
            Err(RequestError::ScheduledOutOfRange)
        );
        assert_eq!(
            check_request(late, "內科", &d, None, now()),
            Err(RequestError::ScheduledOutOfRange)
        );
        assert_eq!(
            check_request(now(), "牙科", &d, None, now()),
            Err(RequestError::UnknownDepartment)
        );
        let long = "字".repeat(MAX_MESSAGE_CHARS + 1);
        assert_eq!(
            check_request(now(), "內科", &d, Some(&long), now()),
            Err(RequestError::MessageNotAllowed)
        );
        assert_eq!(
            check_request(now(), "內科", &d, Some("one\ntwo"), now()),
            Err(RequestError::MessageNotAllowed)
        );
        // Separators, bidi overrides and invisible characters: the note must show what it says.
        for hidden in [
            "\u{2028}", "\u{2029}", "\u{202E}", "\u{2066}", "\u{200B}", "\u{200D}", "\u{FEFF}",
        ] {
            assert_eq!(
                check_request(
                    now(),
                    "內科",
                    &d,
                    Some(&format!("call 0912{hidden}345678")),
                    now()
                ),
                Err(RequestError::MessageNotAllowed),
                "{hidden:?}"
            );
        }
    }

    #[test]
    fn a_pending_request_expires_by_the_clock() {
        let at = now();
        assert_eq!(
            Stage::of("pending", at, at - Duration::seconds(1)),
            Some(Stage::Pending)
        );
        assert_eq!(Stage::of("pending", at, at), Some(Stage::Expired));
        assert_eq!(
            Stage::of("allowed", at, at + Duration::hours(1)),
            Some(Stage::Allowed)
        );
        assert_eq!(Stage::of("gone", at, at), None);
    }
}
