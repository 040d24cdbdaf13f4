//! Signing in and out, and the accounts remembered on this device.

use std::sync::Arc;

use crate::client::{ApiClient, ClientError};
use crate::domain::{Clock, IdNumber, Lang};
use crate::platform::{SecureStore, SecureStoreError};

use super::credentials::{self, RememberedAccount, REMEMBERED_KEY, SESSION_KEY};
use super::login_form::{LoginForm, LoginFormError};
use super::session::Session;

/// How many accounts the login screen offers at most.
const MAX_REMEMBERED: usize = 8;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoginError {
    #[error(transparent)]
    Form(#[from] LoginFormError),
    #[error(transparent)]
    Server(#[from] ClientError),
    #[error(transparent)]
    Storage(#[from] SecureStoreError),
}

impl LoginError {
    pub fn user_message(&self, lang: Lang) -> String {
        match self {
            Self::Form(e) => e.user_message(lang),
            Self::Server(e) => e.user_message(lang),
            Self::Storage(e) => storage_message(e, lang),
        }
    }
}

/// Explains a secure-store failure.
pub fn storage_message(error: &SecureStoreError, lang: Lang) -> String {
    match lang {
        Lang::ZhTw => format!("無法使用系統的安全憑證儲存區，登入資料無法安全保存。（{error}）"),
        Lang::En => format!(
            "The system's secure credential store cannot be used, so the sign-in cannot be kept safely. ({error})"
        ),
    }
}

pub struct AuthService {
    client: ApiClient,
    store: Arc<dyn SecureStore>,
    clock: Arc<dyn Clock>,
}

impl AuthService {
    pub fn new(client: ApiClient, store: Arc<dyn SecureStore>, clock: Arc<dyn Clock>) -> Self {
        Self {
            client,
            store,
            clock,
        }
    }

    /// Where credentials are kept on this device, for the account screen.
    pub fn store_name(&self) -> &'static str {
        self.store.describe()
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

    /// Checks the form, signs in, keeps the session in the secure store and, when asked,
    /// remembers the account for the next login.
    pub async fn login(&self, form: &LoginForm) -> Result<Session, LoginError> {
        let id = form.validate()?;
        let answer = self.client.login(id.as_str(), &form.password).await?;
        let session = Session {
            token: answer.token,
            expires_at: answer.expires_at,
            person: answer.person,
        };
        credentials::save(&*self.store, SESSION_KEY, &session)?;
        if form.remember {
            self.remember(RememberedAccount {
                id_number: session.person.id_number.clone(),
                name: session.person.name.clone(),
            })?;
        }
        Ok(session)
    }

    /// Ends the session here and on the server. The local copy goes even when the server
    /// cannot be reached, so a lost connection never keeps someone signed in.
    pub async fn logout(&self, session: &Session) -> Result<(), LoginError> {
        let server = self.client.logout(&session.token).await;
        self.store.delete(SESSION_KEY)?;
        match server {
            Ok(()) => Ok(()),
            Err(e) if e.needs_sign_in() => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    /// Forgets the local session (expired, or refused by the server).
    pub fn drop_session(&self) -> Result<(), SecureStoreError> {
        self.store.delete(SESSION_KEY)
    }

    pub fn remembered(&self) -> Result<Vec<RememberedAccount>, SecureStoreError> {
        Ok(credentials::load(&*self.store, REMEMBERED_KEY)?.unwrap_or_default())
    }

    fn remember(&self, account: RememberedAccount) -> Result<(), SecureStoreError> {
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
