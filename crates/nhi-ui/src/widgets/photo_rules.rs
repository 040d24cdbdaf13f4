//! The photo rules and the common reasons a photo is refused, as the manual lists them before
//! the upload (門診部 申請流程, 步驟三): a person who reads them sends a photo that passes.

use dioxus::prelude::*;

use crate::UiState;

const RULES: [&str; 6] = [
    "photo-rule-recent-half-length",
    "photo-rule-front-clear",
    "photo-rule-not-edited",
    "photo-rule-small-headwear",
    "photo-rule-whole-head",
    "photo-rule-under-5mb",
];

const REJECTIONS: [&str; 3] = [
    "photo-rejection-background",
    "card-application-face-not-clear",
    "card-application-photo-does-not-match",
];

#[component]
pub fn PhotoRules() -> Element {
    let lang = use_context::<UiState>().lang();
    rsx! {
        div { class: "photo-rules",
            h2 { {lang.t("photo-rules-title")} }
            ul { class: "prepare",
                for id in RULES { li { key: "{id}", {lang.t(id)} } }
            }
            h2 { {lang.t("photo-rejections-title")} }
            ul { class: "prepare rejections",
                for id in REJECTIONS { li { key: "{id}", {lang.t(id)} } }
            }
        }
    }
}
