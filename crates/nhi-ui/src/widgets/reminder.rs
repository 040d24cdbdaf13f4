//! 提醒您: the manuals' boxed reminders (the photo is the applicant's own; video visits can
//! use the physical card meanwhile), each where the manual puts it.

use dioxus::prelude::*;

use crate::UiState;

/// A 提醒您 box: its paragraphs, by message id.
#[component]
pub fn Reminder(ids: Vec<&'static str>) -> Element {
    let lang = use_context::<UiState>().lang();
    rsx! {
        aside { class: "reminder",
            p { class: "reminder-title", strong { {lang.t("reminder-title")} } }
            for id in ids {
                p { key: "{id}", {lang.t(id)} }
            }
        }
    }
}
