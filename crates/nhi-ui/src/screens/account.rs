//! "My": who is signed in, until when, changing the password, quick sign-in, and signing out.

use dioxus::prelude::*;

use crate::hooks::use_busy_action;
use crate::widgets::{ChangePassword, Hotline, QuickSignInSettings};
use crate::{Route, UiState};
use nhi_client::app::{display, Services};

#[component]
pub fn Account() -> Element {
    let mut state = use_context::<UiState>();
    let services = use_context::<Services>();
    let nav = navigator();
    let lang = state.lang();
    // Signing out cannot fail on this device: only whether the server heard differs.
    let action = use_busy_action::<std::convert::Infallible>();
    let busy = action.busy;

    let Some(session) = state.session.read().clone() else {
        return rsx! {
            section { class: "account",
                h1 { {lang.t("common-my-account")} }
                p { {lang.t("account-not-signed-in")} }
                Link { class: "button primary", to: Route::sign_in_then(&Route::Account {}), {lang.t("common-sign-in")} }
                Hotline {}
            }
        };
    };

    let person = session.person.clone();
    let session_for_password = session.clone();
    let session_for_quick = session.clone();
    let expires_at = session.expires_at;
    let left = display::minutes_left(session.remaining((state.now)()), lang);
    let auth = services.flows.clone();
    let logout = move |_| {
        let auth = auth.clone();
        let session = session.clone();
        action.run(async move {
            let result = auth.logout(&session).await;
            state.session.set(None);
            match result {
                Ok(()) => state.notify("account-signed-out"),
                Err(_) => state.notify("account-signed-out-server-not-told"),
            }
            nav.replace(Route::Home {});
            Ok(())
        });
    };

    rsx! {
        section { class: "account",
            h1 { {lang.t("common-my-account")} }
            dl { class: "card facts",
                dt { {lang.t("common-name")} }
                dd { class: "person-name", {person.name.clone()} }
                dt { {display::id_kind(person.id_kind, lang)} }
                dd { {person.id_number.masked()} }
                dt { {lang.t("common-date-birth")} }
                dd { {display::birth_date(person.birth_date, lang)} }
                dt { {lang.t("account-signed-until")} }
                dd {
                    time { datetime: expires_at.to_rfc3339(), {display::local_time(expires_at)} }
                    {
                        nhi_core::tr!(lang, "time-left", left = left)
                    }
                }
            }
            ChangePassword { session: session_for_password }
            QuickSignInSettings { session: session_for_quick }
            button {
                class: "button secondary",
                r#type: "button",
                title: lang.t("account-sign-out-here-end"),
                disabled: busy(),
                onclick: logout,
                if busy() { {lang.t("account-signing-out")} } else { {lang.t("account-sign-out")} }
            }
            p { class: "hint",
                {format!("{} {}", lang.t("account-sign-kept"), services.flows.store_name(lang))}
                br {}
                {format!("{} {}", lang.t("account-server"), services.backend_url)}
            }
            Hotline {}
        }
    }
}
