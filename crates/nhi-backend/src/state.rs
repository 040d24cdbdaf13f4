//! What every handler can reach.

use std::sync::Arc;

use crate::crypto::server_key::ServerKey;
use crate::services::counter_photo_texts::CounterPhotoTexts;
use crate::services::recent_clinic_cards::RecentClinicCards;
use crate::store::Store;
use nhi_core::domain::Clock;

#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    pub clock: Arc<dyn Clock>,
    /// Keys the hashes of short secrets (clinic PINs and SAM keys, codes).
    pub key: Arc<ServerKey>,
    /// Clinic cards that just passed the three-card check.
    pub recent_clinic_cards: Arc<RecentClinicCards>,
    /// Counter photos as verification answers carry them, kept once encoded.
    pub counter_photo_texts: Arc<CounterPhotoTexts>,
    /// Where the backend is reached from outside (`https://host:port`): every link it
    /// writes (e-mails) starts with it, never with a request's Host header.
    pub public_url: Arc<str>,
    /// Demo switch: the mail outbox can be read at `/outbox`.
    pub demo_outbox: bool,
    /// Demo switch: approve card applications automatically after this long.
    pub auto_approve_after: Option<chrono::Duration>,
    /// How long My Health Bank takes to prepare a data request.
    pub health_bank_delay: chrono::Duration,
    /// The WebAuthn relying party of the public address (passkeys, the web build's quick
    /// sign-in); none when that is a bare IP address other than loopback.
    pub webauthn: Option<Arc<webauthn_rs::Webauthn>>,
}
