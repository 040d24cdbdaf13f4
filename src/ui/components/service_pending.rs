//! A service whose screens are not part of this build yet: says so plainly.

use dioxus::prelude::*;

use crate::ui::UiState;

#[component]
pub fn ServicePending(title: String, about: String) -> Element {
    let lang = use_context::<UiState>().lang();
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
