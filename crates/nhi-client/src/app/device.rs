//! This installation's identity: a random device ID made once, a label people recognise in
//! the website's device list, and the device key of each ID bound here.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;

use crate::platform::{SecureStore, SecureStoreError};
use nhi_core::api::DeviceInfo;
use nhi_core::domain::IdNumber;

const DEVICE_ID_KEY: &str = "device-id";

fn device_key_entry(id: &IdNumber) -> String {
    format!("device-key:{id}")
}

/// This installation as the backend knows it; the ID is made on first use and kept.
pub fn identity(store: &dyn SecureStore) -> Result<DeviceInfo, SecureStoreError> {
    let device_id = match store.get(DEVICE_ID_KEY)? {
        Some(id) => id,
        None => {
            let mut bytes = [0u8; 16];
            rand::rngs::OsRng.fill_bytes(&mut bytes);
            let id = URL_SAFE_NO_PAD.encode(bytes);
            store.set(DEVICE_ID_KEY, &id)?;
            id
        }
    };
    Ok(DeviceInfo {
        device_id,
        label: label().to_owned(),
    })
}

/// What kind of device this is, for the website's device list.
pub fn label() -> &'static str {
    if cfg!(target_arch = "wasm32") {
        "網頁版 Web browser"
    } else if cfg!(target_os = "android") {
        "Android 手機 Android phone"
    } else if cfg!(target_os = "ios") {
        "iPhone"
    } else if cfg!(target_os = "macos") {
        "Mac 桌面版 Mac desktop"
    } else if cfg!(target_os = "windows") {
        "Windows 桌面版 Windows desktop"
    } else {
        "Linux 桌面版 Linux desktop"
    }
}

pub fn device_key(
    store: &dyn SecureStore,
    id: &IdNumber,
) -> Result<Option<String>, SecureStoreError> {
    store.get(&device_key_entry(id))
}

pub fn keep_device_key(
    store: &dyn SecureStore,
    id: &IdNumber,
    key: &str,
) -> Result<(), SecureStoreError> {
    store.set(&device_key_entry(id), key)
}
