//! Video visits (視訊診療) without screenshots: the clinic asks for the card remotely, the
//! person (or a delegate) allows or declines in the app. The request's lifetime, what a
//! request may say, and the limits against a clinic sending too many.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

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

/// Where a request stands — one enum from the store's text through the API to the counter
/// page's class names, all spelled by its serde name (`pending`, `allowed`, …). A pending
/// request past its lifetime has expired, whatever its row says: expiry needs no writer
/// ([`VideoVisitState::seen_at`]), and the store never writes `expired`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum VideoVisitState {
    /// Waiting for the person's answer (at most 10 minutes).
    Pending,
    /// Allowed: the clinic has the verification.
    Allowed,
    /// The person (or their delegate) declined.
    Declined,
    /// The institution cancelled it.
    Cancelled,
    /// No answer within 10 minutes.
    Expired,
}

impl VideoVisitState {
    /// The state of a request recorded as `self`, expiring at `expires_at`, seen at `now`.
    pub fn seen_at(self, expires_at: DateTime<Utc>, now: DateTime<Utc>) -> Self {
        match self {
            Self::Pending if expires_at <= now => Self::Expired,
            recorded => recorded,
        }
    }

    /// Its name in the store, on the wire and in the counter page's class names.
    pub fn as_str(self) -> &'static str {
        self.into()
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
        use VideoVisitState as S;
        let at = now();
        assert_eq!(
            S::Pending.seen_at(at, at - Duration::seconds(1)),
            S::Pending
        );
        assert_eq!(S::Pending.seen_at(at, at), S::Expired);
        assert_eq!(S::Allowed.seen_at(at, at + Duration::hours(1)), S::Allowed);
        assert_eq!(
            S::Cancelled.seen_at(at, at + Duration::hours(1)),
            S::Cancelled
        );
    }

    #[test]
    fn the_state_has_one_spelling_in_the_store_on_the_wire_and_on_the_page() {
        for state in [
            VideoVisitState::Pending,
            VideoVisitState::Allowed,
            VideoVisitState::Declined,
            VideoVisitState::Cancelled,
            VideoVisitState::Expired,
        ] {
            let wire = serde_json::to_value(state).unwrap();
            assert_eq!(wire, serde_json::Value::from(state.as_str()));
        }
        assert_eq!(VideoVisitState::Cancelled.as_str(), "cancelled");
    }
}
