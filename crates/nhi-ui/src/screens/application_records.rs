//! 申請紀錄: every application for the person's card — their own, and those staff made for
//! them (專案申請) — with who made it, when, and how it ended. Reached from the card screen,
//! so the card itself costs no extra request.

use dioxus::prelude::*;

use crate::hooks::use_signed_in;
use crate::widgets::{LoadFailed, Loading, SignInRequired};
use crate::{Route, UiState};
use nhi_client::app::display;

#[component]
pub fn ApplicationRecords() -> Element {
    let state = use_context::<UiState>();
    let lang = state.lang();
    let mut records = use_signed_in(|auth, s| async move { auth.application_records(&s).await });
    let title = lang.t("records-title");
    if state.session.read().is_none() {
        return rsx! { SignInRequired { title } };
    }
    let body = match &*records.read() {
        None | Some(Ok(None)) => rsx! { Loading {} },
        Some(Err(e)) => {
            rsx! { LoadFailed { message: e.user_message(lang), on_retry: move |_| records.restart() } }
        }
        Some(Ok(Some(list))) if list.is_empty() => {
            rsx! { p { class: "card hint", {lang.t("records-none")} } }
        }
        Some(Ok(Some(list))) => rsx! {
            ol { class: "card application-records",
                for r in list.iter() {
                    li { key: "{r.number}",
                        p { class: "record-head",
                            strong { {nhi_core::tr!(lang, "records-number", number = r.number)} }
                            " "
                            span { class: "tag", {display::application_status(r.status, lang)} }
                        }
                        p { {display::application_channel(r.channel, r.applied_by.as_deref(), lang)} }
                        p { class: "hint",
                            time { datetime: r.submitted_at.to_rfc3339(),
                                {nhi_core::tr!(lang, "records-submitted",
                                    at = format!("{} {}", display::local_date(r.submitted_at, lang), display::local_time(r.submitted_at)))}
                            }
                            if let Some(decided) = r.decided_at {
                                " · "
                                time { datetime: decided.to_rfc3339(),
                                    {nhi_core::tr!(lang, "records-decided",
                                        at = format!("{} {}", display::local_date(decided, lang), display::local_time(decided)))}
                                }
                            }
                        }
                    }
                }
            }
        },
    };
    rsx! {
        section { class: "application-records-screen",
            h1 { {title} }
            {body}
            Link { class: "more-link", to: Route::VirtualCard {}, {lang.t("records-back-to-card")} }
        }
    }
}
