//! 查看授權: "Allowed authorizations" (cards I may use, with their period) and "Authorized to
//! others" (who may use mine, with every use and a cancel button); cancelled, ended and
//! unaccepted ones below as history.

use dioxus::prelude::*;

use crate::hooks::use_signed_in;
use crate::widgets::SignInRequired;
use crate::widgets::{AllowedAuthorization, GrantedAuthorization, LoadFailed, Loading};
use crate::{Route, UiState};
use nhi_client::app::authorization::current_and_history;

#[component]
pub fn Authorizations() -> Element {
    let state = use_context::<UiState>();
    let lang = state.lang();
    let session = state.session.read().clone();
    let mut list = use_signed_in(|auth, s| async move { auth.authorizations(&s).await });
    let title = lang.t("common-view-authorization");
    let Some(session) = session else {
        return rsx! { SignInRequired { title: title.to_owned() } };
    };

    let body = match &*list.read() {
        None => rsx! {
            Loading {}
        },
        Some(Err(e)) => rsx! {
            LoadFailed { message: e.user_message(lang), on_retry: move |_| list.restart() }
        },
        Some(Ok(None)) => rsx! {},
        Some(Ok(Some(all))) => {
            let (allowed, old_allowed) = current_and_history(&all.allowed);
            let (granted, old_granted) = current_and_history(&all.granted);
            let has_history = !old_allowed.is_empty() || !old_granted.is_empty();
            rsx! {
                section { class: "authorization-list", aria_labelledby: "allowed-heading",
                    h2 { id: "allowed-heading", {lang.t("authorizations-allowed-authorizations")} }
                    if allowed.is_empty() {
                        p { class: "hint", {lang.t("authorizations-no-one-has-authorized")} }
                    }
                    ul { class: "authorizations",
                        for view in allowed {
                            AllowedAuthorization { key: "{view.id}", session: session.clone(), view, on_changed: move |_| list.restart() }
                        }
                    }
                }
                section { class: "authorization-list", aria_labelledby: "granted-heading",
                    h2 { id: "granted-heading", {lang.t("authorizations-authorized-others")} }
                    if granted.is_empty() {
                        p { class: "hint", {lang.t("authorizations-have-not-authorized-anyone")} }
                    }
                    ul { class: "authorizations",
                        for view in granted {
                            GrantedAuthorization { key: "{view.id}", session: session.clone(), view, on_changed: move |_| list.restart() }
                        }
                    }
                }
                if has_history {
                    details { class: "history",
                        summary { {lang.t("authorizations-cancelled-ended-unaccepted-authorizations")} }
                        ul { class: "authorizations",
                            for view in old_allowed {
                                AllowedAuthorization { key: "a{view.id}", session: session.clone(), view, on_changed: move |_| list.restart() }
                            }
                            for view in old_granted {
                                GrantedAuthorization { key: "g{view.id}", session: session.clone(), view, on_changed: move |_| list.restart() }
                            }
                        }
                    }
                }
            }
        }
    };
    rsx! {
        section { class: "authorizations-screen",
            h1 { {title} }
            div { class: "actions",
                Link { class: "button primary", to: Route::GetAuthorization {}, {lang.t("common-get-authorization")} }
                Link { class: "button secondary", to: Route::AuthorizeCard {}, {lang.t("authorizations-authorize-someone")} }
                button { class: "button secondary", r#type: "button", onclick: move |_| list.restart(), {lang.t("common-refresh")} }
            }
            {body}
        }
    }
}
