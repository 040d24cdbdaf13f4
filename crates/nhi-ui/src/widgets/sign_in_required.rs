//! Shown by services that need a signed-in person: signing in comes back to this screen.

use dioxus::prelude::*;

use crate::{Route, UiState};

#[component]
pub fn SignInRequired(title: String) -> Element {
    let lang = use_context::<UiState>().lang();
    let here = use_route::<Route>();
    rsx! {
        section { class: "service",
            h1 { {title} }
            p { {lang.t("sign-in-required-sign-use-service")} }
            Link { class: "button primary", to: Route::sign_in_then(&here), {lang.t("common-sign-in")} }
        }
    }
}
