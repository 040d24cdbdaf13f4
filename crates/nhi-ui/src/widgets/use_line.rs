//! One use of a card in a list of uses (the card's records, an authorization's): when, where,
//! what the list adds (`children`), and whether it was allowed for a video visit.

use chrono::{DateTime, Utc};
use dioxus::prelude::*;

use crate::UiState;
use nhi_client::app::display;

#[component]
pub fn UseLine(
    used_at: DateTime<Utc>,
    institution: String,
    video_visit: bool,
    children: Element,
) -> Element {
    let lang = use_context::<UiState>().lang();
    rsx! {
        li {
            time { datetime: used_at.to_rfc3339(),
                {format!("{} {}", display::local_date(used_at, lang), display::local_time(used_at))}
            }
            " "
            span { class: "place", {institution} }
            {children}
            if video_visit {
                " "
                span { class: "tag", {lang.t("card-uses-video-visit")} }
            }
        }
    }
}
