//! The device's part of every sign-in (裝置認證): only a device bound to the ID, proving it
//! with its device key, and the ID's active one, may sign in — by password or quick sign-in.

use crate::crypto::device_key;
use crate::error::ApiError;
use crate::state::AppState;
use crate::store::DeviceBinding;
use nhi_core::api::ProblemCode;
use nhi_core::domain::IdNumber;

/// A device ID as devices make them: 16–64 letters, digits, `-` or `_`.
pub fn well_formed_device_id(device_id: &str) -> Result<(), ApiError> {
    let ok = (16..=64).contains(&device_id.len())
        && device_id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(ApiError::InvalidRequest(
            "device_id must be 16–64 letters, digits, - or _".into(),
        ))
    }
}

/// The binding, when the device is bound to the ID, shows the right key, and is the active
/// one. Its 256-bit key cannot be guessed, and this is told before any password or signature
/// is checked, so no answer tells whether one was right, or an ID registered.
pub async fn bound_and_active(
    state: &AppState,
    id: &IdNumber,
    device_id: &str,
    presented_key: &str,
) -> Result<DeviceBinding, ApiError> {
    match state.store.find_binding(device_id, id).await? {
        Some(b) if device_key::matches(presented_key, &b.device_key_hash) => {
            if b.active {
                Ok(b)
            } else {
                Err(ApiError::refuse(
                    ProblemCode::DeviceInactive,
                    "Another device was made the active one for this ID. Make this one active \
                     again on the registration website, or authenticate this device again.",
                ))
            }
        }
        _ => Err(ApiError::refuse(
            ProblemCode::DeviceNotBound,
            "This device is not bound to this ID. Complete device authentication first.",
        )),
    }
}
