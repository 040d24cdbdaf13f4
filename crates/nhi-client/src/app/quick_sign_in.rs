//! Quick sign-in (生物辨識輔助登入): turning it on under 我的, signing in with it from the
//! login screen, and the list of keys with their removal.
//!
//! The key for an ID lives in the device's authenticator under `key_alias(id)`; the server
//! holds its public half for the ID and this device. Signing in is a challenge from the
//! server, the OS prompt, a signature, and a session of the usual 2 hours. The web build
//! does the same with a passkey: the browser's prompt, WebAuthn's ceremonies.

use crate::client::ClientError;
use crate::platform::{passkeys, AuthenticatorError, Availability, SecureStoreError};
use nhi_core::api::{
    ActionApproval, ChallengeRequest, EnrolKey, EnrolPasskey, LoginResponse,
    PasskeyCeremonyRequest, PasskeySignIn, ProblemCode, QuickSignIn, QuickSignInKey,
};
use nhi_core::domain::quick_sign_in::{
    action_message, key_alias, signed_message, Purpose, SensitiveAction,
};
use nhi_core::domain::IdNumber;
use nhi_core::i18n::Lang;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use super::auth::{storage_message, Flows};
use super::credentials::RememberedAccount;
use super::device;
use super::session::Session;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum QuickSignInError {
    /// No device key for this ID here: the device was never bound to it.
    #[error("this device is not bound to this ID")]
    DeviceNotBound,
    #[error(transparent)]
    Device(#[from] AuthenticatorError),
    #[error(transparent)]
    Server(#[from] ClientError),
    #[error(transparent)]
    Storage(#[from] SecureStoreError),
}

impl QuickSignInError {
    pub fn user_message(&self, lang: Lang) -> String {
        match self {
            Self::DeviceNotBound => lang.t("auth-device-not-authenticated-id"),
            Self::Device(AuthenticatorError::Cancelled) => lang.t("quick-sign-in-cancelled"),
            Self::Device(AuthenticatorError::KeyInvalidated) => {
                lang.t("quick-sign-in-key-invalidated")
            }
            Self::Device(AuthenticatorError::Unavailable) => {
                lang.t("quick-sign-in-unavailable-system")
            }
            Self::Device(AuthenticatorError::Failed(reason)) => {
                nhi_core::tr!(
                    lang,
                    "quick-sign-in-device-failed",
                    reason = reason.as_str()
                )
            }
            Self::Server(e) => e.user_message(lang),
            Self::Storage(e) => storage_message(e, lang),
        }
    }

    /// True when this device's key can no longer sign this person in, so the login screen
    /// stops offering it and the password is the way (the key was removed elsewhere, or
    /// quick sign-in locked itself).
    fn key_is_spent(&self) -> bool {
        matches!(self, Self::Device(AuthenticatorError::KeyInvalidated))
            || matches!(self, Self::Server(e) if matches!(
                e.code(),
                Some(ProblemCode::QuickSignInRefused | ProblemCode::QuickSignInLocked)
            ))
    }
}

/// The web build signs in with passkeys (the browser's authenticator); the native builds
/// with a key of the device's own secure hardware.
const PASSKEYS: bool = cfg!(all(feature = "web", target_arch = "wasm32"));

/// Where the web build notes that this browser holds a passkey for the ID (the browser does
/// not tell which passkeys it holds without a prompt).
fn passkey_entry(id: &IdNumber) -> String {
    format!("passkey:{id}")
}

impl Flows {
    /// Whether this device can offer quick sign-in at all (a browser is asked).
    pub async fn quick_sign_in_availability(&self) -> Availability {
        if !PASSKEYS {
            return self.authenticator.availability();
        }
        if passkeys::available().await {
            Availability::Available
        } else {
            Availability::NoPromptOnThisSystem
        }
    }

    /// Whether quick sign-in is turned on here for the ID (its key is on this device).
    pub fn quick_sign_in_ready(&self, id: &IdNumber) -> bool {
        if PASSKEYS {
            return matches!(self.store.get(&passkey_entry(id)), Ok(Some(_)));
        }
        self.authenticator.availability() == Availability::Available
            && self.authenticator.has_key(&key_alias(id.as_str()))
    }

    /// The remembered account the login screen offers quick sign-in for: the one whose ID is
    /// typed (as the ID field takes it), when its key is on this device.
    pub fn quick_sign_in_account(
        &self,
        remembered: &[RememberedAccount],
        typed: &str,
    ) -> Option<RememberedAccount> {
        let id = IdNumber::parse(typed).ok()?;
        remembered
            .iter()
            .find(|a| a.id_number == id)
            .filter(|a| self.quick_sign_in_ready(&a.id_number))
            .cloned()
    }

    /// Forgets this device's key for the ID (refused by the server, or removed).
    fn drop_local_key(&self, id: &IdNumber) -> Result<(), QuickSignInError> {
        if PASSKEYS {
            self.store.delete(&passkey_entry(id))?;
        } else {
            self.authenticator.delete_key(&key_alias(id.as_str()))?;
        }
        Ok(())
    }

    /// Turns quick sign-in on for the signed-in person on this device: a new key in the
    /// authenticator, a signature over an `enrol` challenge (the OS prompt shows `reason`),
    /// and the public half to the server — or, in the web build, a passkey. Nothing is left
    /// behind when a step fails.
    pub async fn enrol_quick_sign_in(
        &self,
        session: &Session,
        reason: &str,
    ) -> Result<QuickSignInKey, QuickSignInError> {
        if PASSKEYS {
            return self.enrol_passkey(session).await;
        }
        let id = &session.person.id_number;
        let info = device::identity(&*self.store)?;
        let device_key =
            device::device_key(&*self.store, id)?.ok_or(QuickSignInError::DeviceNotBound)?;
        let alias = key_alias(id.as_str());
        let public_key = self.authenticator.create_key(&alias).await?;
        let enrolled = async {
            let challenge = self.challenge(id, &info.device_id, Purpose::Enrol).await?;
            let message = signed_message(Purpose::Enrol, &challenge, id.as_str(), &info.device_id);
            let signature = self.authenticator.sign(&alias, &message, reason).await?;
            let request = EnrolKey {
                device_id: info.device_id.clone(),
                device_key,
                label: info.label.clone(),
                public_key: URL_SAFE_NO_PAD.encode(&public_key),
                challenge,
                signature: URL_SAFE_NO_PAD.encode(signature),
            };
            Ok::<_, QuickSignInError>(
                self.client
                    .enrol_quick_sign_in(&session.token, &request)
                    .await?,
            )
        }
        .await;
        if enrolled.is_err() {
            let _ = self.authenticator.delete_key(&alias);
        }
        enrolled
    }

    /// Signs the remembered account in with its key on this device (the OS prompt shows
    /// `reason`). When the server refuses the key — removed elsewhere, or locked after
    /// signatures that did not verify — it is dropped here, and the password is the way.
    pub async fn quick_sign_in(
        &self,
        account: &RememberedAccount,
        reason: &str,
    ) -> Result<Session, QuickSignInError> {
        let session = self.quick_session(&account.id_number, reason).await?;
        self.remember(RememberedAccount {
            id_number: session.person.id_number.clone(),
            name: session.person.name.clone(),
        })?;
        Ok(session)
    }

    /// Before the 2 hours are up: the same person signed in again with quick sign-in, so the
    /// screen in use stays ("remember me" stays as it was). The old session is ended on the
    /// server.
    pub async fn renew_with_quick_sign_in(
        &self,
        session: &Session,
        reason: &str,
    ) -> Result<Session, QuickSignInError> {
        let renewed = self
            .quick_session(&session.person.id_number, reason)
            .await?;
        // Best effort: the old token ends by itself within minutes anyway.
        let _ = self.client.logout(&session.token).await;
        Ok(renewed)
    }

    /// A new session by quick sign-in, kept in the secure store.
    async fn quick_session(
        &self,
        id: &IdNumber,
        reason: &str,
    ) -> Result<Session, QuickSignInError> {
        if PASSKEYS {
            return self.passkey_sign_in(id).await;
        }
        let info = device::identity(&*self.store)?;
        let device_key =
            device::device_key(&*self.store, id)?.ok_or(QuickSignInError::DeviceNotBound)?;
        let alias = key_alias(id.as_str());
        let signed_in = async {
            let challenge = self.challenge(id, &info.device_id, Purpose::SignIn).await?;
            let message = signed_message(Purpose::SignIn, &challenge, id.as_str(), &info.device_id);
            let signature = self.authenticator.sign(&alias, &message, reason).await?;
            let request = QuickSignIn {
                id_number: id.to_string(),
                device_id: info.device_id.clone(),
                device_key,
                challenge,
                signature: URL_SAFE_NO_PAD.encode(signature),
            };
            Ok::<_, QuickSignInError>(self.client.quick_sign_in(&request).await?)
        }
        .await;
        self.signed_in(id, signed_in)
    }

    /// Keeps the session quick sign-in started, or drops this device's key when the server
    /// refused it.
    fn signed_in(
        &self,
        id: &IdNumber,
        answer: Result<LoginResponse, QuickSignInError>,
    ) -> Result<Session, QuickSignInError> {
        let answer = match answer {
            Ok(answer) => answer,
            Err(e) => {
                if e.key_is_spent() {
                    let _ = self.drop_local_key(id);
                }
                return Err(e);
            }
        };
        Ok(self.keep_session(answer)?)
    }

    /// The signed-in person's keys, newest first, with which one is this device's.
    pub async fn quick_sign_in_keys(
        &self,
        session: &Session,
    ) -> Result<(Vec<QuickSignInKey>, String), QuickSignInError> {
        let this_device = device::identity(&*self.store)?.device_id;
        let list = self.client.quick_sign_in_keys(&session.token).await?;
        Ok((list.keys, this_device))
    }

    /// Removes the signed-in person's key of a device; this device's also from here.
    pub async fn remove_quick_sign_in_key(
        &self,
        session: &Session,
        device_id: &str,
    ) -> Result<(), QuickSignInError> {
        self.client
            .remove_quick_sign_in_key(&session.token, device_id)
            .await?;
        if device::identity(&*self.store)?.device_id == device_id {
            self.drop_local_key(&session.person.id_number)?;
        }
        Ok(())
    }

    /// The web build's enrolment: the backend's options, the browser's passkey prompt, the
    /// new credential back to the backend.
    async fn enrol_passkey(&self, session: &Session) -> Result<QuickSignInKey, QuickSignInError> {
        let id = &session.person.id_number;
        let info = device::identity(&*self.store)?;
        let device_key =
            device::device_key(&*self.store, id)?.ok_or(QuickSignInError::DeviceNotBound)?;
        let request = PasskeyCeremonyRequest {
            id_number: None,
            device_id: info.device_id.clone(),
            device_key: device_key.clone(),
            action: None,
        };
        let ceremony = self
            .client
            .begin_passkey_registration(&session.token, &request)
            .await?;
        let credential = passkeys::create(&ceremony.options).await?;
        let enrol = EnrolPasskey {
            device_id: info.device_id,
            device_key,
            label: info.label,
            challenge: ceremony.challenge,
            credential,
        };
        let key = self.client.enrol_passkey(&session.token, &enrol).await?;
        self.store.set(&passkey_entry(id), "1")?;
        Ok(key)
    }

    /// The web build's sign-in: the backend's options, the browser's passkey prompt, the
    /// assertion back to the backend.
    async fn passkey_sign_in(&self, id: &IdNumber) -> Result<Session, QuickSignInError> {
        let info = device::identity(&*self.store)?;
        let device_key =
            device::device_key(&*self.store, id)?.ok_or(QuickSignInError::DeviceNotBound)?;
        let signed_in = async {
            let request = PasskeyCeremonyRequest {
                id_number: Some(id.to_string()),
                device_id: info.device_id.clone(),
                device_key: device_key.clone(),
                action: None,
            };
            let ceremony = self.client.begin_passkey_sign_in(&request).await?;
            let credential = passkeys::get(&ceremony.options).await?;
            let request = PasskeySignIn {
                id_number: id.to_string(),
                device_id: info.device_id.clone(),
                device_key: device_key.clone(),
                challenge: ceremony.challenge,
                credential,
            };
            Ok::<_, QuickSignInError>(self.client.passkey_sign_in(&request).await?)
        }
        .await;
        self.signed_in(id, signed_in)
    }

    async fn challenge(
        &self,
        id: &IdNumber,
        device_id: &str,
        purpose: Purpose,
    ) -> Result<String, ClientError> {
        let request = ChallengeRequest {
            id_number: id.to_string(),
            device_id: device_id.to_owned(),
            purpose,
        };
        Ok(self
            .client
            .quick_sign_in_challenge(&request)
            .await?
            .challenge)
    }
}

impl Flows {
    /// Where quick sign-in is on for the signed-in person here, their confirmation of
    /// `action` (the OS prompt shows `reason`; the web build's passkey prompt its own);
    /// `None` where it is off — the server then asks for none.
    pub async fn confirm(
        &self,
        session: &Session,
        action: &SensitiveAction,
        reason: &str,
    ) -> Result<Option<ActionApproval>, QuickSignInError> {
        let id = &session.person.id_number;
        if !self.quick_sign_in_ready(id) {
            return Ok(None);
        }
        let info = device::identity(&*self.store)?;
        if PASSKEYS {
            let device_key =
                device::device_key(&*self.store, id)?.ok_or(QuickSignInError::DeviceNotBound)?;
            let request = PasskeyCeremonyRequest {
                id_number: Some(id.to_string()),
                device_id: info.device_id.clone(),
                device_key,
                action: Some(action.describe()),
            };
            let ceremony = self.client.begin_passkey_sign_in(&request).await?;
            let credential = passkeys::get(&ceremony.options).await?;
            return Ok(Some(ActionApproval {
                device_id: info.device_id,
                challenge: ceremony.challenge,
                signature: None,
                passkey: Some(credential),
            }));
        }
        let challenge = self.challenge(id, &info.device_id, Purpose::Action).await?;
        let message = action_message(&challenge, id.as_str(), &info.device_id, action);
        let alias = key_alias(id.as_str());
        let signature = self.authenticator.sign(&alias, &message, reason).await?;
        Ok(Some(ActionApproval {
            device_id: info.device_id,
            challenge,
            signature: Some(URL_SAFE_NO_PAD.encode(signature)),
            passkey: None,
        }))
    }
}
