//! Signing in and out, and the accounts remembered on this device.

use std::sync::Arc;

use crate::client::{ApiClient, ClientError};
use crate::platform::{DeviceAuthenticator, SecureStore, SecureStoreError};
use nhi_core::api::{ChangePassword, LoginRequest, LoginResponse, ProblemCode};
use nhi_core::domain::{Clock, IdNumber};
use nhi_core::i18n::Lang;

use super::card_memory::CardMemory;
use super::credentials::{self, RememberedAccount, LANG_KEY, REMEMBERED_KEY, SESSION_KEY};
use super::device;
use super::device_auth_forms::{DeviceFormError, PasswordForm};
use super::login_form::{LoginForm, LoginFormError};
use super::session::Session;

/// How many accounts the login screen offers at most.
const MAX_REMEMBERED: usize = 8;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoginError {
    #[error(transparent)]
    Form(#[from] LoginFormError),
    /// No device key for this ID here: the device was never bound to it.
    #[error("this device is not bound to this ID")]
    DeviceNotBound,
    #[error(transparent)]
    Server(#[from] ClientError),
    #[error(transparent)]
    Storage(#[from] SecureStoreError),
}

impl LoginError {
    pub fn user_message(&self, lang: Lang) -> String {
        match self {
            Self::Form(e) => e.user_message(lang),
            Self::DeviceNotBound => lang.t("auth-device-not-authenticated-id"),
            Self::Server(e) => e.user_message(lang),
            Self::Storage(e) => storage_message(e, lang),
        }
    }
}

impl LoginError {
    /// True when the way forward is device authentication, not another password.
    pub fn needs_device_authentication(&self) -> bool {
        matches!(self, Self::DeviceNotBound)
            || matches!(
                self,
                Self::Server(e) if matches!(
                    e.code(),
                    Some(nhi_core::api::ProblemCode::DeviceNotBound | nhi_core::api::ProblemCode::DeviceInactive)
                )
            )
    }
}

/// Explains a secure-store failure.
pub fn storage_message(error: &SecureStoreError, lang: Lang) -> String {
    nhi_core::tr!(lang, "auth-storage-unusable", error = error.to_string())
}

/// Every flow of the app against the backend — signing in, device binding, the card, its QR,
/// authorizations, My Health Bank — with the API client, the secure store and the clock they
/// share. The flows' methods live in the file of their flow (`card.rs`, `authorization.rs` …).
pub struct Flows {
    pub(super) client: ApiClient,
    pub(super) store: Arc<dyn SecureStore>,
    pub(super) authenticator: Arc<dyn DeviceAuthenticator>,
    pub(super) card_memory: CardMemory,
    clock: Arc<dyn Clock>,
}

impl Flows {
    pub fn new(client: ApiClient, store: Arc<dyn SecureStore>, clock: Arc<dyn Clock>) -> Self {
        Self {
            client,
            store,
            authenticator: crate::platform::authenticator::for_this_os(),
            card_memory: CardMemory::default(),
            clock,
        }
    }

    /// The same flows with another authenticator for quick sign-in (the component tests'
    /// software one).
    pub fn with_authenticator(mut self, authenticator: Arc<dyn DeviceAuthenticator>) -> Self {
        self.authenticator = authenticator;
        self
    }

    /// Where credentials are kept on this device, for the account screen.
    pub fn store_name(&self, lang: Lang) -> String {
        self.store.describe(lang)
    }

    /// The language chosen on this device earlier, if any.
    pub fn saved_lang(&self) -> Option<Lang> {
        credentials::load(&*self.store, LANG_KEY).ok().flatten()
    }

    /// Remembers the language for the next start.
    pub fn save_lang(&self, lang: Lang) -> Result<(), SecureStoreError> {
        credentials::save(&*self.store, LANG_KEY, &lang)
    }

    pub fn clock(&self) -> &dyn Clock {
        &*self.clock
    }

    /// The session kept from an earlier start, if it is still good.
    pub fn restore(&self) -> Result<Option<Session>, SecureStoreError> {
        let session: Option<Session> = credentials::load(&*self.store, SESSION_KEY)?;
        match session {
            Some(s) if s.is_expired(self.clock.now()) => {
                self.store.delete(SESSION_KEY)?;
                Ok(None)
            }
            other => Ok(other),
        }
    }

    /// Checks the form, signs in with this device's key for the ID, keeps the session in the
    /// secure store and remembers the account for the next login, or forgets it when the
    /// person unticked "remember me".
    pub async fn login(&self, form: &LoginForm) -> Result<Session, LoginError> {
        let id = form.validate()?;
        let device = device::identity(&*self.store)?;
        let device_key =
            device::device_key(&*self.store, &id)?.ok_or(LoginError::DeviceNotBound)?;
        let answer = self
            .client
            .login(&LoginRequest {
                id_number: id.to_string(),
                password: form.password.clone().into(),
                device_id: device.device_id,
                device_key,
            })
            .await?;
        let session = self.keep_session(answer)?;
        if form.remember {
            self.remember(RememberedAccount {
                id_number: session.person.id_number.clone(),
                name: session.person.name.clone(),
            })?;
        } else {
            // Unticked means "not on this device": on a shared family phone the next person
            // must not find this ID filled in.
            self.forget(&session.person.id_number)?;
        }
        Ok(session)
    }

    /// Signs the same person in again before the session's 2 hours are up, so the screen in
    /// use stays; "remember me" stays as it was. The old session is ended on the server.
    pub async fn renew(&self, session: &Session, password: &str) -> Result<Session, LoginError> {
        let remembered = self
            .remembered()?
            .iter()
            .any(|a| a.id_number == session.person.id_number);
        let renewed = self
            .login(&LoginForm {
                id_number: session.person.id_number.to_string(),
                password: password.to_owned(),
                remember: remembered,
            })
            .await?;
        // Best effort: the old token ends by itself within minutes anyway.
        let _ = self.client.logout(&session.token).await;
        Ok(renewed)
    }

    /// Keeps a session the server just started.
    pub(super) fn keep_session(&self, answer: LoginResponse) -> Result<Session, SecureStoreError> {
        let session = Session {
            token: answer.token,
            expires_at: answer.expires_at,
            person: answer.person,
        };
        credentials::save(&*self.store, SESSION_KEY, &session)?;
        Ok(session)
    }

    /// Changes the registration password (我的): the new one, typed twice, must follow the
    /// rule before the server is asked; the server checks the current one. This sign-in
    /// stays; every other one of the ID ends.
    pub async fn change_password(
        &self,
        session: &Session,
        current: &str,
        new: &PasswordForm,
    ) -> Result<(), ChangePasswordError> {
        new.validate().map_err(ChangePasswordError::Form)?;
        let request = ChangePassword {
            current_password: current.to_owned().into(),
            new_password: new.password.clone().into(),
        };
        self.client
            .change_password(&session.token, &request)
            .await
            .map_err(ChangePasswordError::Server)
    }

    /// Ends the session here and on the server, and forgets unfinished forms. The local copy
    /// goes even when the server cannot be reached, so a lost connection never keeps someone
    /// signed in.
    pub async fn logout(&self, session: &Session) -> Result<(), LoginError> {
        let server = self.client.logout(&session.token).await;
        self.store.delete(SESSION_KEY)?;
        // A shared phone's next user finds no half-typed form of this one.
        crate::platform::drafts::clear_all();
        match server {
            Ok(()) => Ok(()),
            Err(e) if e.needs_sign_in() => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    /// Forgets the local session (expired, or refused by the server).
    pub fn drop_session(&self) -> Result<(), SecureStoreError> {
        self.card_memory.forget();
        self.store.delete(SESSION_KEY)
    }

    pub fn remembered(&self) -> Result<Vec<RememberedAccount>, SecureStoreError> {
        Ok(credentials::load(&*self.store, REMEMBERED_KEY)?.unwrap_or_default())
    }

    pub(super) fn remember(&self, account: RememberedAccount) -> Result<(), SecureStoreError> {
        let mut list = self.remembered()?;
        list.retain(|a| a.id_number != account.id_number);
        list.insert(0, account);
        list.truncate(MAX_REMEMBERED);
        credentials::save(&*self.store, REMEMBERED_KEY, &list)
    }

    pub fn forget(&self, id: &IdNumber) -> Result<Vec<RememberedAccount>, SecureStoreError> {
        let mut list = self.remembered()?;
        list.retain(|a| &a.id_number != id);
        credentials::save(&*self.store, REMEMBERED_KEY, &list)?;
        Ok(list)
    }
}

/// Why a password was not changed.
#[derive(Debug, thiserror::Error)]
pub enum ChangePasswordError {
    /// The new password, as typed (told before anything is sent).
    #[error(transparent)]
    Form(DeviceFormError),
    #[error(transparent)]
    Server(ClientError),
}

impl ChangePasswordError {
    pub fn user_message(&self, lang: Lang) -> String {
        match self {
            Self::Form(e) => e.user_message(lang),
            // Only the current password can be wrong here: the ID is the signed-in one.
            Self::Server(ClientError::Problem(p)) if p.code == ProblemCode::WrongCredentials => {
                nhi_core::tr!(
                    lang,
                    "account-current-password-wrong",
                    left = p.attempts_left.unwrap_or(0)
                )
            }
            Self::Server(e) => e.user_message(lang),
        }
    }
}
