//! The card's usage records: when and where it was used, whether scanned or allowed for a
//! video visit, and who presented it under an authorization.

use dioxus::prelude::*;

use crate::widgets::UseLine;
use crate::UiState;
use nhi_core::api::CardUse;

#[component]
pub fn CardUses(uses: Vec<CardUse>) -> Element {
    let lang = use_context::<UiState>().lang();
    rsx! {
        details { class: "card-uses",
            summary { {nhi_core::tr!(lang, "card-uses-title", n = uses.len())} }
            if uses.is_empty() {
                p { class: "hint", {lang.t("card-uses-none")} }
            } else {
                ul { class: "uses",
                    for (i, u) in uses.iter().enumerate() {
                        UseLine { key: "{i}", used_at: u.used_at, institution: u.institution.clone(), video_visit: u.video_visit,
                            " "
                            span { class: "visit", {u.visit_sequence.clone()} }
                            if let Some(d) = &u.delegate {
                                " "
                                span { class: "by", {nhi_core::tr!(lang, "card-uses-by-delegate", name = d.name.as_str())} }
                            }
                        }
                    }
                }
            }
        }
    }
}
