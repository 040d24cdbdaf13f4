//! The card's one-time QR: a fresh code from the backend, a mm:ss countdown, a new code by
//! itself at zero or at once with "Update", "used at <institution>" within seconds, and a
//! clear offline state instead of a stale code. The same panel shows a delegate the card
//! holder's code under an authorization.

use std::time::Duration;

use dioxus::prelude::*;

use crate::UiState;
use nhi_client::app::card_qr::{countdown, keep_after_failed_refresh, on_tick, qr_image, QrTick};
use nhi_client::app::{display, Services, Session};
use nhi_client::client::ClientError;
use nhi_client::platform::time::sleep;
use nhi_core::api::{CardQr, QrState};

/// What the live region says when a new code arrives and when one runs out.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Announcement {
    /// A new code, valid until then.
    NewCode(chrono::DateTime<chrono::Utc>),
    Expired,
}

/// `delegate_of`: the authorization under which the signed-in person shows someone else's
/// card; `None` for one's own card.
#[component]
pub fn CardQrPanel(
    session: Session,
    delegate_of: Option<i64>,
    /// Called when the server refuses a new code for good (not a lost connection): the
    /// screen around the panel then says why instead of showing the card.
    on_refused: Option<EventHandler<ClientError>>,
    /// Called when a clinic used the code on screen: the screen's usage records are stale.
    on_used: Option<EventHandler<()>>,
) -> Element {
    let state = use_context::<UiState>();
    let services = use_context::<Services>();
    let lang = state.lang();
    let mut code = use_signal(|| None::<CardQr>);
    let mut error = use_signal(|| None::<ClientError>);
    let mut used = use_signal(|| None::<(String, String)>);
    let mut now = use_signal(|| services.flows.clock().now());
    let mut fetching = use_signal(|| false);
    // What the polite live region says, once per event (not the ticking countdown). A new
    // code is announced with its end, to the second, so each Update is heard: a live region
    // whose text does not change says nothing.
    let mut announce = use_signal(|| None::<Announcement>);

    let auth = services.flows.clone();
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
                    announce.set(Some(Announcement::NewCode(fresh.expires_at)));
                    code.set(Some(fresh));
                    error.set(None);
                }
                Err(e) => {
                    // Offline with a code that still works: keep it (it works at the counter
                    // whatever this phone's network does). Otherwise never leave a code on
                    // screen that may no longer work.
                    let keep = code
                        .peek()
                        .as_ref()
                        .is_some_and(|c| keep_after_failed_refresh(c, &e, auth.clock().now()));
                    if !keep {
                        code.set(None);
                    }
                    if !e.is_unreachable() {
                        if let Some(on_refused) = on_refused {
                            on_refused.call(e.clone());
                        }
                    }
                    error.set(Some(e));
                }
            }
            fetching.set(false);
        });
    });

    let auth = services.flows.clone();
    use_future(move || {
        let auth = auth.clone();
        let session = session.clone();
        async move {
            let mut tick: u64 = 0;
            loop {
                let current_time = auth.clock().now();
                now.set(current_time);
                let current = code.peek().clone();
                let failed = error.peek().is_some();
                match on_tick(current.as_ref(), failed, tick, current_time) {
                    QrTick::Fetch => fetch.call(()),
                    QrTick::Expired => {
                        if *announce.peek() != Some(Announcement::Expired) {
                            announce.set(Some(Announcement::Expired));
                        }
                        code.set(None);
                        fetch.call(())
                    }
                    // (Only with a code on screen.)
                    QrTick::CheckUse => {
                        let status = match &current {
                            Some(c) => auth.qr_status(&session, &c.qr_id).await.ok(),
                            None => None,
                        };
                        if let Some(status) = status {
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
                                if let Some(on_used) = on_used {
                                    on_used.call(());
                                }
                                fetch.call(());
                            }
                        }
                    }
                    QrTick::Wait => {}
                }
                tick += 1;
                sleep(Duration::from_secs(1)).await;
            }
        }
    });

    let used_notice = used().map(|(place, at)| {
        rsx! {
            p { class: "notice-inline used", role: "status",
                {nhi_core::tr!(lang, "card-qr-used-at", time = at, place = place)}
            }
        }
    });
    let body = match (code(), error()) {
        (Some(c), offline) => {
            let left = countdown(c.expires_at, now());
            // The name stays the same while the time runs: a screen reader is not told a new
            // number every second.
            let label = lang.t("card-qr-virtual-nhi-card-qr");
            rsx! {
                img { class: "card-qr", src: "{qr_image(&c.payload)}", alt: "{label}" }
                p { class: "countdown", aria_live: "off",
                    {lang.t("common-valid-for")}
                    strong { id: "qr-countdown", {left} }
                }
                if let Some(e) = offline {
                    p { class: "notice-inline offline", role: "status",
                        {nhi_core::tr!(lang, "card-qr-cannot-update-offline", reason = e.user_message(lang))}
                    }
                }
            }
        }
        (None, Some(e)) => rsx! {
            div { class: "error", role: "alert",
                p { {nhi_core::tr!(lang, "card-qr-cannot-get", reason = e.user_message(lang))} }
            }
        },
        (None, None) => rsx! {
            p { class: "loading", role: "status", span { class: "spinner dark", aria_hidden: "true" } {lang.t("card-qr-making-qr-code")} }
        },
    };
    let said = announce().map(|a| match a {
        Announcement::NewCode(until) => nhi_core::tr!(
            lang,
            "card-qr-new-code-until",
            time = display::local_time_seconds(until)
        ),
        Announcement::Expired => lang.t("card-qr-qr-code-ran-out"),
    });
    rsx! {
        section { class: "qr-panel", aria_label: lang.t("card-qr-qr-code-clinic"),
            p { class: "visually-hidden", aria_live: "polite", {said} }
            {used_notice}
            {body}
            // Busy, not disabled: a disabled button drops the keyboard focus to the page, and a
            // second Enter would do nothing (a press while fetching is ignored by `fetch`).
            button { class: "button secondary", r#type: "button", aria_busy: fetching(), onclick: move |_| { used.set(None); fetch.call(()) },
                {lang.t("card-qr-update")}
            }
            p { class: "hint", {lang.t("card-qr-each-qr-code-works")} }
        }
    }
}
