//! Quick sign-in: the devices' public keys and the challenges they sign.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{NewSession, StoreError};
use nhi_core::domain::quick_sign_in::Purpose;
use nhi_core::domain::IdNumber;

/// A device's key for an ID.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct QuickSignInKeyRecord {
    pub device_id: String,
    /// Uncompressed SEC1 P-256 point.
    pub public_key: Vec<u8>,
    pub label: String,
    pub enrolled_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    /// A passkey (the web build): the credential as the WebAuthn library keeps it, as JSON;
    /// `public_key` is then its credential ID.
    pub passkey: Option<String>,
}

/// What a challenge is for: a device's own key, or a passkey ceremony.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChallengeKind {
    Key(Purpose),
    Passkey(Purpose),
}

impl ChallengeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Key(Purpose::Enrol) => "enrol",
            Self::Key(Purpose::SignIn) => "sign_in",
            Self::Passkey(Purpose::Enrol) => "passkey_enrol",
            Self::Passkey(Purpose::SignIn) => "passkey_sign_in",
            Self::Key(Purpose::Action) => "action",
            Self::Passkey(Purpose::Action) => "passkey_action",
        }
    }
}

/// A challenge issued for an ID, a device and a purpose.
#[derive(Debug, Clone, Copy)]
pub struct ChallengeFor<'a> {
    pub kind: ChallengeKind,
    pub id: &'a IdNumber,
    pub device_id: &'a str,
}

/// The key a sign-in was verified with.
#[derive(Debug, Clone, Copy)]
pub struct KeyInUse<'a> {
    pub id: &'a IdNumber,
    pub device_id: &'a str,
    /// The public key (a device's own key) or credential ID (a passkey) as enrolled.
    pub public_key: &'a [u8],
    /// A passkey's state after this use, when it changed.
    pub updated_passkey: Option<&'a str>,
}

/// What spending a challenge found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpentChallenge {
    /// Issued for this ID, device and purpose, unused and in time: now used. A passkey
    /// ceremony's state comes back with it.
    Fresh(Option<String>),
    /// Issued for them, unused, but its 60 seconds are over (now used all the same).
    Expired,
    /// Never issued for them, or used already.
    Unknown,
}

#[async_trait]
pub trait QuickSignInKeys: Send + Sync + 'static {
    async fn insert_challenge(
        &self,
        hash: &[u8],
        issued_for: ChallengeFor<'_>,
        expires_at: DateTime<Utc>,
        state: Option<&str>,
    ) -> Result<(), StoreError>;
    /// Marks the challenge used when it was issued for exactly this ID, device and purpose
    /// and not used before: of two callers presenting it at once, one finds it `Fresh`.
    async fn spend_challenge(
        &self,
        hash: &[u8],
        issued_for: ChallengeFor<'_>,
        at: DateTime<Utc>,
    ) -> Result<SpentChallenge, StoreError>;
    /// Drops challenges that expired before `before`.
    async fn sweep_challenges(&self, before: DateTime<Utc>) -> Result<u64, StoreError>;

    /// Keeps the device's key for the ID (replacing an earlier one), if — checked in the same
    /// write — the device is bound to the ID and active; false otherwise.
    async fn enrol_key(
        &self,
        id: &IdNumber,
        key: &QuickSignInKeyRecord,
    ) -> Result<bool, StoreError>;
    async fn find_key(
        &self,
        id: &IdNumber,
        device_id: &str,
    ) -> Result<Option<QuickSignInKeyRecord>, StoreError>;
    /// The ID's keys, newest first.
    async fn keys_of(&self, id: &IdNumber) -> Result<Vec<QuickSignInKeyRecord>, StoreError>;
    /// False when the ID has no key on that device.
    async fn delete_key(&self, id: &IdNumber, device_id: &str) -> Result<bool, StoreError>;
    /// Starts a session signed in with this very key, if — in the same write, under the
    /// person's lock — the key is still enrolled and its device still the active one; false
    /// (and no session) when it was removed or the device switched meanwhile. A passkey's
    /// new state (its signature counter) is kept in the same write.
    async fn start_session_with_key(
        &self,
        key: KeyInUse<'_>,
        token_hash: &[u8],
        session: NewSession<'_>,
    ) -> Result<bool, StoreError>;
}
