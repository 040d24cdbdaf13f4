use dioxus::prelude::*;

use super::service_pending::ServicePending;
use super::sign_in_required::SignInRequired;
use crate::ui::UiState;

/// 健康存摺: needs a signed-in person.
#[component]
pub fn HealthBank() -> Element {
    let state = use_context::<UiState>();
    let lang = state.lang();
    let title = lang.pick("健康存摺", "My Health Bank").to_owned();
    if state.session.read().is_none() {
        return rsx! { SignInRequired { title } };
    }
    rsx! {
        ServicePending {
            title,
            about: lang.pick(
                "查詢您的就醫、用藥、檢驗與保費紀錄。",
                "Your visits, medicines, lab results and premiums.",
            ).to_owned(),
        }
    }
}
