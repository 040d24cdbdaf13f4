//! A service whose screens are not part of this build yet: says so plainly, after asking
//! for a sign-in where the service will need one.

use dioxus::prelude::*;

use super::sign_in_required::SignInRequired;
use crate::ui::UiState;

#[component]
pub fn ServicePending(title: String, about: String, needs_sign_in: bool) -> Element {
    let state = use_context::<UiState>();
    let lang = state.lang();
    if needs_sign_in && state.session.read().is_none() {
        return rsx! { SignInRequired { title } };
    }
    rsx! {
        section { class: "service",
            h1 { {title} }
            p { {about} }
            p { class: "notice-inline", role: "status",
                {lang.pick("此服務尚未在這個版本中提供。", "This service is not available in this version yet.")}
            }
        }
    }
}
