//! Authorizing family members from the card, as NHI Express places it: "Authorize" and
//! "View authorization" under the card's QR.

use dioxus::prelude::*;

use crate::{Route, UiState};

#[component]
pub fn FamilyLinks() -> Element {
    let lang = use_context::<UiState>().lang();
    rsx! {
        nav { class: "actions", aria_label: lang.t("family-links-authorizations"),
            Link { class: "button secondary", to: Route::AuthorizeCard {}, {lang.t("common-authorize")} }
            Link { class: "button secondary", to: Route::Authorizations {}, {lang.t("common-view-authorization")} }
        }
    }
}
