//! Device authentication flows (裝置認證): by mobile number (telecom check, then the new
//! registration password; ends signed in) and by the website's device code (typed, or read
//! from a photo of its QR; ends with "now log in"). Either way the device key goes to the
//! secure store and the account is offered on the login screen.

use chrono::{DateTime, Utc};

use super::auth::{storage_message, Flows};
use super::credentials::RememberedAccount;
use super::device;
use super::device_auth_forms::{parse_code, DeviceFormError, PasswordForm, PhoneForm};
use super::session::Session;
use crate::client::ClientError;
use crate::platform::SecureStoreError;
use nhi_core::api::{BindResponse, BindingProof, PhoneCheckRequest};
use nhi_core::domain::consent::APP_TERMS_VERSION;
use nhi_core::domain::device_code::DeviceCodeError;
use nhi_core::domain::{DeviceCode, IdNumber};
use nhi_core::i18n::Lang;

/// The telecom confirmed the number; the password can be set until `expires_at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneCheck {
    pub id_number: IdNumber,
    pub carrier: String,
    pub ticket: String,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DeviceAuthError {
    #[error(transparent)]
    Form(#[from] DeviceFormError),
    #[error(transparent)]
    Server(#[from] ClientError),
    #[error(transparent)]
    Storage(#[from] SecureStoreError),
}

impl DeviceAuthError {
    pub fn user_message(&self, lang: Lang) -> String {
        match self {
            Self::Form(e) => e.user_message(lang),
            Self::Server(e) => e.user_message(lang),
            Self::Storage(e) => storage_message(e, lang),
        }
    }

    /// True when the device-code path is the way forward (a prepaid number).
    pub fn suggests_device_code(&self) -> bool {
        matches!(self, Self::Server(e) if e.code() == Some(nhi_core::api::ProblemCode::PrepaidNumber))
    }
}

impl Flows {
    /// Phone path, step 1.
    pub async fn check_phone(&self, form: &PhoneForm) -> Result<PhoneCheck, DeviceAuthError> {
        let (id, mobile) = form.validate()?;
        let answer = self
            .client
            .phone_check(&PhoneCheckRequest {
                id_number: id.to_string(),
                card_last4: form.card_last4.trim().to_owned(),
                mobile: mobile.to_string(),
                terms_version: Some(APP_TERMS_VERSION.to_owned()),
            })
            .await?;
        Ok(PhoneCheck {
            id_number: id,
            carrier: answer.carrier,
            ticket: answer.ticket,
            expires_at: answer.expires_at,
        })
    }

    /// Phone path, step 2: sets the password, binds this device, signs in.
    pub async fn bind_by_phone(
        &self,
        check: &PhoneCheck,
        form: &PasswordForm,
    ) -> Result<Session, DeviceAuthError> {
        form.validate()?;
        let device = device::identity(&*self.store)?;
        let proof = BindingProof::Phone {
            ticket: check.ticket.clone(),
            password: form.password.clone().into(),
        };
        let answer = self.client.bind(&device, proof).await?;
        let session = answer.session.clone();
        self.keep_binding(&answer)?;
        let session = session
            .ok_or_else(|| ClientError::Decode("the phone path's answer had no session".into()))?;
        Ok(self.keep_session(session)?)
    }

    /// Code path: binds this device with the code from the website; the person then logs in
    /// with the website password.
    pub async fn bind_by_code(&self, typed: &str) -> Result<RememberedAccount, DeviceAuthError> {
        let code = parse_code(typed)?;
        let device = device::identity(&*self.store)?;
        let proof = BindingProof::DeviceCode {
            code: code.as_str().to_owned(),
        };
        let answer = self.client.bind(&device, proof).await?;
        Ok(self.keep_binding(&answer)?)
    }

    /// Reads the device code from a photo or screenshot of the website's QR.
    pub async fn read_code_from_image(
        &self,
        image: Vec<u8>,
    ) -> Result<DeviceCode, DeviceAuthError> {
        let texts = self.client.scan_qr(image).await?;
        texts
            .iter()
            .find_map(|t| DeviceCode::from_qr(t).ok())
            .ok_or(DeviceAuthError::Form(DeviceFormError::Code(
                DeviceCodeError::NotADeviceCodeQr,
            )))
    }

    fn keep_binding(&self, answer: &BindResponse) -> Result<RememberedAccount, SecureStoreError> {
        device::keep_device_key(&*self.store, &answer.id_number, &answer.device_key)?;
        let account = RememberedAccount {
            id_number: answer.id_number.clone(),
            name: answer.name.clone(),
        };
        self.remember(account.clone())?;
        Ok(account)
    }
}
