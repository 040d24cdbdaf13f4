use dioxus::prelude::*;

use super::service_pending::ServicePending;
use crate::ui::UiState;

/// 健康存摺: needs a signed-in person.
#[component]
pub fn HealthBank() -> Element {
    let lang = use_context::<UiState>().lang();
    let title = lang.pick("健康存摺", "My Health Bank").to_owned();
    rsx! {
        ServicePending {
            title,
            needs_sign_in: true,
            about: lang.pick(
                "查詢您的就醫、用藥、檢驗與保費紀錄。",
                "Your visits, medicines, lab results and premiums.",
            ).to_owned(),
        }
    }
}
