//! Shown by services that need a signed-in person.

use dioxus::prelude::*;

use crate::{Route, UiState};

#[component]
pub fn SignInRequired(title: String) -> Element {
    let lang = use_context::<UiState>().lang();
    rsx! {
        section { class: "service",
            h1 { {title} }
            p { {lang.t("sign-in-required-sign-use-service")} }
            Link { class: "button primary", to: Route::Login {}, {lang.t("common-sign-in")} }
        }
    }
}
