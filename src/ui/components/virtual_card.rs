use dioxus::prelude::*;

use super::service_pending::ServicePending;
use crate::ui::UiState;

/// 虛擬健保卡: needs a signed-in person.
#[component]
pub fn VirtualCard() -> Element {
    let lang = use_context::<UiState>().lang();
    let title = lang.pick("虛擬健保卡", "Virtual NHI Card").to_owned();
    rsx! {
        ServicePending {
            title,
            needs_sign_in: true,
            about: lang.pick(
                "以一次性 QR 碼取代實體健保卡就醫，並可授權家人使用。",
                "See a doctor with a one-time QR code instead of the plastic card, and let family use it.",
            ).to_owned(),
        }
    }
}
