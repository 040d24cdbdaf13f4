//! Before the 2-hour session ends: a warning with the time it ends and a password field to
//! stay signed in — or quick sign-in, where it is on. The screen in use stays as it is (a card QR on screen keeps showing);
//! the next session simply replaces the old one.

use dioxus::prelude::*;

use crate::hooks::use_busy_action;
use crate::UiState;
use nhi_client::app::{display, Services};

/// The quick sign-in button's `data-action` (what tests press).
pub const RENEW_QUICKLY: &str = "renew-with-quick-sign-in";

#[component]
pub fn SessionExpiryWarning() -> Element {
    let mut state = use_context::<UiState>();
    let services = use_context::<Services>();
    let lang = state.lang();
    let mut password = use_signal(String::new);
    let action = use_busy_action::<String>();
    let (busy, error) = (action.busy, action.error);
    let Some(session) = state.session.read().clone() else {
        return rsx! {};
    };
    let now = (state.now)();
    if !session.ending_soon(now) {
        return rsx! {};
    }
    let left = session.remaining(now);
    let minutes = left.num_minutes() + 1;
    let ends = display::local_time(session.expires_at);
    // With quick sign-in on here, one touch of the finger continues instead of the password.
    let quick = services
        .flows
        .quick_sign_in_ready(&session.person.id_number);
    let quick_renew = {
        let auth = services.flows.clone();
        let session = session.clone();
        move |_| {
            let auth = auth.clone();
            let session = session.clone();
            action.run(async move {
                let lang = state.lang();
                let reason = lang.t("login-quick-sign-in-reason");
                let renewed = auth
                    .renew_with_quick_sign_in(&session, &reason)
                    .await
                    .map_err(|e| e.user_message(lang))?;
                state.now.set(auth.clock().now());
                state.session.set(Some(renewed));
                state.notify("session-expiry-still-signed-in");
                Ok(())
            });
        }
    };
    let auth = services.flows.clone();
    let renew = move |e: FormEvent| {
        e.prevent_default();
        let auth = auth.clone();
        let session = session.clone();
        action.run(async move {
            let typed = password.peek().clone();
            let renewed = auth
                .renew(&session, &typed)
                .await
                .map_err(|e| e.user_message(state.lang()))?;
            password.set(String::new());
            state.now.set(auth.clock().now());
            state.session.set(Some(renewed));
            state.notify("session-expiry-still-signed-in");
            Ok(())
        });
    };
    rsx! {
        form { class: "session-warning", role: "alert", novalidate: true, onsubmit: renew,
            p {
                {nhi_core::tr!(lang, "session-expiry-warning", ends = ends.as_str(), minutes = minutes)}
            }
            if quick {
                button {
                    class: "button secondary small",
                    r#type: "button",
                    "data-action": RENEW_QUICKLY,
                    disabled: busy(),
                    onclick: quick_renew,
                    {lang.t("login-quick-sign-in")}
                }
            }
            label { r#for: "renew-password", {lang.t("common-registration-password")} }
            div { class: "renew-row",
                input { id: "renew-password", r#type: "password", autocomplete: "current-password",
                    value: "{password}", oninput: move |e| password.set(e.value()) }
                button { class: "button primary small", r#type: "submit", disabled: busy(),
                    {lang.t("session-expiry-stay-signed")}
                }
            }
            if let Some(text) = error() {
                p { class: "error", {text} }
            }
        }
    }
}
