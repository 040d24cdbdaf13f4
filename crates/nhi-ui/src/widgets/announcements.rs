//! 重要資訊: the NHIA's announcements above the home screen's services, as the manual's home
//! shows them. Nothing is drawn while they load or when they cannot be had: the services
//! below matter more than the news.

use dioxus::prelude::*;

use crate::UiState;
use nhi_client::app::{display, Services};
use nhi_core::i18n::Lang;

#[component]
pub fn Announcements() -> Element {
    let lang = use_context::<UiState>().lang();
    let services = use_context::<Services>();
    let news = use_resource(move || {
        let flows = services.flows.clone();
        async move { flows.announcements().await }
    });
    let list = match &*news.read() {
        Some(Ok(list)) if !list.is_empty() => list.clone(),
        _ => return rsx! {},
    };
    rsx! {
        section { class: "announcements", aria_labelledby: "announcements-heading",
            h2 { id: "announcements-heading", {lang.t("home-announcements")} }
            ul {
                for a in list {
                    // Read aloud in the language it is written in, whatever the app's.
                    li { key: "{a.id}", lang: Lang::from_tag(&a.lang).map(|l| l.tag()).unwrap_or("zh-Hant-TW"),
                        details {
                            summary {
                                strong { {a.title.clone()} }
                                " "
                                time { datetime: a.published_at.to_rfc3339(), {display::local_date(a.published_at, lang)} }
                            }
                            p { {a.body.clone()} }
                        }
                    }
                }
            }
        }
    }
}
