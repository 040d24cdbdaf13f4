//! The card's QR code on the screen: drawing it, the countdown, and watching whether a
//! clinic has used it.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use chrono::{DateTime, Utc};
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

use super::auth::Flows;
use super::session::Session;
use crate::client::ClientError;
use nhi_core::api::{CardQr, Institution, QrStatus};

/// How often the card screen asks whether its code was used. Light polling rather than a
/// push channel: a code lives 5 minutes, so this is at most 100 small requests per code, it
/// survives phones switching networks without reconnect logic, and it goes through every
/// proxy. The person sees "used at …" within 3 seconds.
pub const USE_CHECK_EVERY_SECONDS: u64 = 3;

/// The QR as an SVG data URL: crisp at any size, quiet zone included, error correction M
/// so a phone screen with some glare still scans.
pub fn qr_image(payload: &str) -> String {
    let svg = QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M)
        .map(|code| {
            code.render::<svg::Color>()
                .min_dimensions(260, 260)
                .quiet_zone(true)
                .build()
        })
        .unwrap_or_default();
    format!("data:image/svg+xml;base64,{}", STANDARD.encode(svg))
}

/// "04:53" until `expires_at`; "00:00" once past.
pub fn countdown(expires_at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let left = (expires_at - now).num_seconds().max(0);
    format!("{:02}:{:02}", left / 60, left % 60)
}

/// Whether the code on screen stays after a refresh failed. Only when the server could not
/// be reached and the code still has time left: it works at the counter whatever this phone's
/// network does. A refusal (card voided, authorization ended) always takes it off.
pub fn keep_after_failed_refresh(code: &CardQr, error: &ClientError, now: DateTime<Utc>) -> bool {
    error.is_unreachable() && code.expires_at > now
}

/// A failed fetch is tried again this often (seconds), offline or refused.
pub const RETRY_EVERY_SECONDS: u64 = 5;

/// What the QR panel does at one of its once-a-second ticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QrTick {
    /// Ask for a fresh code.
    Fetch,
    /// The code on screen ran out: take it off, say so, and ask for a fresh one.
    Expired,
    /// Ask whether the code on screen was used (or its authorization ended).
    CheckUse,
    /// Nothing this second.
    Wait,
}

/// The panel's refresh policy: a fresh code when there is none (a failed fetch again every
/// few seconds), a new one the moment the shown one expires, and a look every few seconds
/// at whether a clinic used it. `tick` counts seconds since the panel opened.
pub fn on_tick(
    shown: Option<&CardQr>,
    last_fetch_failed: bool,
    tick: u64,
    now: DateTime<Utc>,
) -> QrTick {
    let retry_due = tick.is_multiple_of(RETRY_EVERY_SECONDS);
    match shown {
        None if !last_fetch_failed || retry_due => QrTick::Fetch,
        None => QrTick::Wait,
        Some(code) if code.expires_at <= now => QrTick::Expired,
        // Offline with a code still showing: try again every few seconds.
        Some(_) if last_fetch_failed && retry_due => QrTick::Fetch,
        Some(_) if tick.is_multiple_of(USE_CHECK_EVERY_SECONDS) => QrTick::CheckUse,
        Some(_) => QrTick::Wait,
    }
}

impl Flows {
    pub async fn card_qr(&self, session: &Session) -> Result<CardQr, ClientError> {
        self.client.card_qr(&session.token).await
    }

    pub async fn qr_status(&self, session: &Session, qr_id: &str) -> Result<QrStatus, ClientError> {
        self.client.qr_status(&session.token, qr_id).await
    }

    pub async fn institutions(
        &self,
        name: &str,
        area: &str,
        department: &str,
    ) -> Result<Vec<Institution>, ClientError> {
        self.client.institutions(name, area, department).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    #[test]
    fn the_countdown_reads_minutes_and_seconds() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        assert_eq!(countdown(now + Duration::seconds(293), now), "04:53");
        assert_eq!(countdown(now + Duration::minutes(5), now), "05:00");
        assert_eq!(countdown(now - Duration::seconds(3), now), "00:00");
    }

    #[test]
    fn an_unreachable_server_keeps_a_code_that_still_works() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        let code = CardQr {
            qr_id: "q".into(),
            payload: "NHIEXPRESS:CARD:1:x".into(),
            expires_at: now + Duration::minutes(5),
        };
        assert!(keep_after_failed_refresh(
            &code,
            &ClientError::CannotConnect,
            now
        ));
        assert!(keep_after_failed_refresh(&code, &ClientError::Timeout, now));
        assert!(!keep_after_failed_refresh(
            &code,
            &ClientError::CannotConnect,
            now + Duration::minutes(5)
        ));
        let refused = ClientError::UnexpectedStatus(403);
        assert!(!keep_after_failed_refresh(&code, &refused, now));
    }

    #[test]
    fn the_panel_fetches_expires_retries_and_checks_use_in_that_order() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        let code = CardQr {
            qr_id: "q".into(),
            payload: "NHIEXPRESS:CARD:1:x".into(),
            expires_at: now + Duration::minutes(5),
        };
        assert_eq!(on_tick(None, false, 1, now), QrTick::Fetch);
        assert_eq!(on_tick(None, true, 1, now), QrTick::Wait);
        assert_eq!(on_tick(None, true, 5, now), QrTick::Fetch);
        let later = now + Duration::minutes(5);
        assert_eq!(on_tick(Some(&code), true, 5, later), QrTick::Expired);
        assert_eq!(on_tick(Some(&code), true, 10, now), QrTick::Fetch);
        assert_eq!(on_tick(Some(&code), false, 10, now), QrTick::Wait);
        assert_eq!(on_tick(Some(&code), false, 9, now), QrTick::CheckUse);
        assert_eq!(on_tick(Some(&code), true, 9, now), QrTick::CheckUse);
    }

    #[test]
    fn the_image_is_an_svg() {
        let url = qr_image("NHIEXPRESS:CARD:1:abc");
        assert!(url.starts_with("data:image/svg+xml;base64,"));
        let svg = String::from_utf8(STANDARD.decode(&url[26..]).unwrap()).unwrap();
        assert!(svg.contains("<svg"));
    }
}
