//! The card's one-time QR: a fresh code from the backend, a mm:ss countdown, a new code by
//! itself at zero or at once with "Update", "used at <institution>" within seconds, and a
//! clear offline state instead of a stale code. The same panel shows a delegate the card
//! holder's code under an authorization.

use std::time::Duration;

use dioxus::prelude::*;

use crate::api::{CardQr, QrState};
use crate::app::card_qr::{countdown, qr_image, USE_CHECK_EVERY_SECONDS};
use crate::app::{display, Services, Session};
use crate::client::ClientError;
use crate::platform::time::sleep;
use crate::ui::UiState;

/// `delegate_of`: the authorization under which the signed-in person shows someone else's
/// card; `None` for one's own card.
#[component]
pub fn CardQrPanel(session: Session, delegate_of: Option<i64>) -> Element {
    let state = use_context::<UiState>();
    let services = use_context::<Services>();
    let lang = state.lang();
    let mut code = use_signal(|| None::<CardQr>);
    let mut error = use_signal(|| None::<ClientError>);
    let mut used = use_signal(|| None::<(String, String)>);
    let mut now = use_signal(|| services.auth.clock().now());
    let mut fetching = use_signal(|| false);

    let auth = services.auth.clone();
    let fetch_session = session.clone();
    let fetch = use_callback(move |_: ()| {
        if fetching() {
            return;
        }
        let auth = auth.clone();
        let session = fetch_session.clone();
        fetching.set(true);
        spawn(async move {
            let fresh = match delegate_of {
                Some(id) => auth.delegate_qr(&session, id).await,
                None => auth.card_qr(&session).await,
            };
            match fresh {
                Ok(fresh) => {
                    code.set(Some(fresh));
                    error.set(None);
                }
                Err(e) => {
                    // Never leave a code on screen that may no longer work.
                    code.set(None);
                    error.set(Some(e));
                }
            }
            fetching.set(false);
        });
    });

    let auth = services.auth.clone();
    use_future(move || {
        let auth = auth.clone();
        let session = session.clone();
        async move {
            let mut tick: u64 = 0;
            loop {
                let current_time = auth.clock().now();
                now.set(current_time);
                let current = code.peek().clone();
                match current {
                    None if error.peek().is_none() || tick.is_multiple_of(5) => fetch.call(()),
                    Some(c) if c.expires_at <= current_time => fetch.call(()),
                    Some(c) if tick.is_multiple_of(USE_CHECK_EVERY_SECONDS) => {
                        if let Ok(status) = auth.qr_status(&session, &c.qr_id).await {
                            if status.state == QrState::Revoked {
                                // The authorization ended: take the code off the screen; the
                                // refetch states why it cannot be replaced.
                                code.set(None);
                                fetch.call(());
                            } else if status.state == QrState::Used {
                                let place = status.institution.unwrap_or_default();
                                let at =
                                    status.used_at.map(display::local_time).unwrap_or_default();
                                used.set(Some((place, at)));
                                fetch.call(());
                            }
                        }
                    }
                    _ => {}
                }
                tick += 1;
                sleep(Duration::from_secs(1)).await;
            }
        }
    });

    let used_notice = used().map(|(place, at)| {
        rsx! {
            p { class: "notice-inline used", role: "status",
                {match lang {
                    crate::domain::Lang::ZhTw => format!("已於 {at} 在「{place}」使用，已為您更新 QR 碼。"),
                    crate::domain::Lang::En => format!("Used at {place} at {at}. Here is a fresh code."),
                }}
            }
        }
    });
    let body = match (code(), error()) {
        (Some(c), _) => {
            let left = countdown(c.expires_at, now());
            let label = format!(
                "{}{left}",
                lang.pick(
                    "虛擬健保卡就醫 QR 碼，剩餘 ",
                    "Virtual NHI Card QR code for the clinic, valid for "
                )
            );
            rsx! {
                img { class: "card-qr", src: "{qr_image(&c.payload)}", alt: "{label}" }
                p { class: "countdown", aria_live: "off",
                    {lang.pick("有效時間 ", "Valid for ")}
                    strong { id: "qr-countdown", {left} }
                }
            }
        }
        (None, Some(e)) => rsx! {
            div { class: "error", role: "alert",
                p { {lang.pick("目前無法取得 QR 碼：", "Cannot get a QR code right now: ")} {e.user_message(lang)} }
            }
        },
        (None, None) => rsx! {
            p { class: "loading", role: "status", span { class: "spinner dark", aria_hidden: "true" } {lang.pick("產生 QR 碼中…", "Making a QR code…")} }
        },
    };
    rsx! {
        section { class: "qr-panel", aria_label: lang.pick("就醫 QR 碼", "QR code for the clinic"),
            {used_notice}
            {body}
            p { class: "hint", {lang.pick("每個 QR 碼 5 分鐘內有效，且只能使用一次。", "Each QR code works once, for 5 minutes.")} }
            button { class: "button secondary", r#type: "button", disabled: fetching(), onclick: move |_| { used.set(None); fetch.call(()) },
                {lang.pick("更新", "Update")}
            }
        }
    }
}
