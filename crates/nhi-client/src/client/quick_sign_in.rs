//! The quick sign-in (生物辨識輔助登入) calls: challenges, this person's keys, signing in.

use reqwest::Method;

use super::{check, json, send, ApiClient, ClientError};
use nhi_core::api::{
    paths, Challenge, ChallengeRequest, EnrolKey, EnrolPasskey, LoginResponse, PasskeyCeremony,
    PasskeyCeremonyRequest, PasskeySignIn, QuickSignIn, QuickSignInKey, QuickSignInKeys,
};

impl ApiClient {
    /// A single-use challenge (60 seconds) for the ID, this device and the purpose.
    pub async fn quick_sign_in_challenge(
        &self,
        request: &ChallengeRequest,
    ) -> Result<Challenge, ClientError> {
        json(
            self.request(Method::POST, paths::QUICK_SIGN_IN_CHALLENGES, None)
                .json(request),
        )
        .await
    }

    /// Signs in with a signature over a `sign_in` challenge.
    pub async fn quick_sign_in(&self, request: &QuickSignIn) -> Result<LoginResponse, ClientError> {
        json(
            self.request(Method::POST, paths::QUICK_SIGN_IN_SESSIONS, None)
                .json(request),
        )
        .await
    }

    /// Enrols this device's key for the signed-in person.
    pub async fn enrol_quick_sign_in(
        &self,
        token: &str,
        request: &EnrolKey,
    ) -> Result<QuickSignInKey, ClientError> {
        json(
            self.request(Method::POST, paths::QUICK_SIGN_IN_KEYS, Some(token))
                .json(request),
        )
        .await
    }

    /// The signed-in person's keys, newest first.
    pub async fn quick_sign_in_keys(&self, token: &str) -> Result<QuickSignInKeys, ClientError> {
        json(self.request(Method::GET, paths::QUICK_SIGN_IN_KEYS, Some(token))).await
    }

    /// Removes the signed-in person's key of a device.
    pub async fn remove_quick_sign_in_key(
        &self,
        token: &str,
        device_id: &str,
    ) -> Result<(), ClientError> {
        let path = format!("{}/{device_id}", paths::QUICK_SIGN_IN_KEYS);
        check(send(self.request(Method::DELETE, &path, Some(token))).await?)
            .await
            .map(drop)
    }

    /// Begins enrolling a passkey for the signed-in person on this device.
    pub async fn begin_passkey_registration(
        &self,
        token: &str,
        request: &PasskeyCeremonyRequest,
    ) -> Result<PasskeyCeremony, ClientError> {
        json(
            self.request(Method::POST, paths::PASSKEY_REGISTRATIONS, Some(token))
                .json(request),
        )
        .await
    }

    /// Keeps the browser's new passkey for this device.
    pub async fn enrol_passkey(
        &self,
        token: &str,
        request: &EnrolPasskey,
    ) -> Result<QuickSignInKey, ClientError> {
        json(
            self.request(Method::POST, paths::PASSKEYS, Some(token))
                .json(request),
        )
        .await
    }

    /// Begins signing in with this device's passkey for an ID.
    pub async fn begin_passkey_sign_in(
        &self,
        request: &PasskeyCeremonyRequest,
    ) -> Result<PasskeyCeremony, ClientError> {
        json(
            self.request(Method::POST, paths::PASSKEY_AUTHENTICATIONS, None)
                .json(request),
        )
        .await
    }

    /// Signs in with the browser's passkey assertion.
    pub async fn passkey_sign_in(
        &self,
        request: &PasskeySignIn,
    ) -> Result<LoginResponse, ClientError> {
        json(
            self.request(Method::POST, paths::PASSKEY_SESSIONS, None)
                .json(request),
        )
        .await
    }
}
