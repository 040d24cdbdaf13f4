use dioxus::prelude::*;

use super::service_pending::ServicePending;
use crate::ui::UiState;

/// 裝置認證: binds this device to an insured person; open to everyone.
#[component]
pub fn DeviceAuthentication() -> Element {
    let lang = use_context::<UiState>().lang();
    rsx! {
        ServicePending {
            title: lang.pick("裝置認證", "Device authentication").to_owned(),
            about: lang.pick(
                "以行動電話號碼或裝置碼將這支手機綁定您的身分。",
                "Bind this device to you with your mobile number or a device code.",
            ).to_owned(),
            needs_sign_in: false,
        }
    }
}
