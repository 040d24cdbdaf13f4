//! Passkeys (WebAuthn), the web build's quick sign-in: the browser's platform authenticator
//! through `web/passkeys.js`. Elsewhere there is no browser to ask, and every call says so
//! (native builds sign with the device's own key, `authenticator`).

use serde_json::Value;

use super::AuthenticatorError;

/// Whether this browser has an authenticator of its own that verifies the user.
pub async fn available() -> bool {
    #[cfg(all(feature = "web", target_arch = "wasm32"))]
    {
        browser::call("available", None)
            .await
            .is_ok_and(|v| v.as_bool() == Some(true))
    }
    #[cfg(not(all(feature = "web", target_arch = "wasm32")))]
    {
        false
    }
}

/// `navigator.credentials.create()` with the backend's options: the new credential.
pub async fn create(options: &Value) -> Result<Value, AuthenticatorError> {
    ceremony("create", options).await
}

/// `navigator.credentials.get()` with the backend's options: the assertion.
pub async fn get(options: &Value) -> Result<Value, AuthenticatorError> {
    ceremony("get", options).await
}

async fn ceremony(step: &str, options: &Value) -> Result<Value, AuthenticatorError> {
    #[cfg(all(feature = "web", target_arch = "wasm32"))]
    {
        let answer = browser::call(step, Some(options.to_string())).await?;
        let text = answer.as_str().unwrap_or_default();
        serde_json::from_str(text).map_err(|e| AuthenticatorError::Failed(e.to_string()))
    }
    #[cfg(not(all(feature = "web", target_arch = "wasm32")))]
    {
        let _ = (step, options);
        Err(AuthenticatorError::Unavailable)
    }
}

#[cfg(all(feature = "web", target_arch = "wasm32"))]
mod browser {
    use js_sys::{Function, Promise, Reflect};
    use serde_json::Value;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    use crate::platform::AuthenticatorError;

    /// Calls `window.nhiPasskeys[step](argument)` and awaits its promise: a boolean or the
    /// credential's JSON text. A refusal by the browser or the person is told by its name.
    pub async fn call(step: &str, argument: Option<String>) -> Result<Value, AuthenticatorError> {
        let unavailable = |_| AuthenticatorError::Unavailable;
        let window = web_sys::window().ok_or(AuthenticatorError::Unavailable)?;
        let helpers =
            Reflect::get(&window, &JsValue::from_str("nhiPasskeys")).map_err(unavailable)?;
        let function: Function = Reflect::get(&helpers, &JsValue::from_str(step))
            .map_err(unavailable)?
            .dyn_into()
            .map_err(|_| AuthenticatorError::Unavailable)?;
        let argument = argument.map_or(JsValue::UNDEFINED, |a| JsValue::from_str(&a));
        let promise: Promise = function
            .call1(&helpers, &argument)
            .map_err(refusal)?
            .dyn_into()
            .map_err(|_| AuthenticatorError::Failed("not a promise".into()))?;
        let answer = JsFuture::from(promise).await.map_err(refusal)?;
        Ok(match answer.as_bool() {
            Some(b) => Value::Bool(b),
            None => Value::String(answer.as_string().unwrap_or_default()),
        })
    }

    /// A DOMException from the ceremony: `NotAllowedError` is the person closing the prompt
    /// (or its time running out); anything else is told by name.
    fn refusal(error: JsValue) -> AuthenticatorError {
        let name = Reflect::get(&error, &JsValue::from_str("name"))
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        match name.as_str() {
            "NotAllowedError" | "AbortError" => AuthenticatorError::Cancelled,
            "InvalidStateError" => {
                AuthenticatorError::Failed("this passkey is already here".into())
            }
            _ => {
                let message = Reflect::get(&error, &JsValue::from_str("message"))
                    .ok()
                    .and_then(|m| m.as_string())
                    .unwrap_or_default();
                AuthenticatorError::Failed(format!("{name} {message}").trim().to_owned())
            }
        }
    }
}
