//! 授權使用: tick "agree to authorize", the grantee's ID and the period (today + 29 days
//! unless changed, at most a year) → a one-time code and QR for the grantee.

use dioxus::prelude::*;

use crate::hooks::use_busy_action;
use crate::widgets::AuthorizationOfferPanel;
use crate::widgets::SignInRequired;
use crate::{Route, UiState};
use nhi_client::app::authorization::{AuthorizeForm, DEFAULT_PERIOD_DAYS};
use nhi_client::app::Services;
use nhi_core::api::AuthorizationOffer;
use nhi_core::domain::authorization::taiwan_date;

#[component]
pub fn AuthorizeCard() -> Element {
    let state = use_context::<UiState>();
    let services = use_context::<Services>();
    let lang = state.lang();
    let today = taiwan_date(services.flows.clock().now());
    let mut form = use_signal(|| AuthorizeForm::new(today));
    let mut offer = use_signal(|| None::<AuthorizationOffer>);
    let action = use_busy_action::<String>();
    let (busy, error) = (action.busy, action.error);
    let title = lang.t("authorize-card-authorize-someone-use-my");
    let Some(session) = state.session.read().clone() else {
        return rsx! { SignInRequired { title: title.to_owned() } };
    };

    let auth = services.flows.clone();
    let submit_session = session.clone();
    let submit = move |e: FormEvent| {
        e.prevent_default();
        let auth = auth.clone();
        let session = submit_session.clone();
        let typed = form();
        action.run(async move {
            let reason = lang.t("authorize-card-confirm-reason");
            let made = auth
                .authorize(&session, &typed, &reason)
                .await
                .map_err(|e| e.user_message(lang))?;
            offer.set(Some(made));
            Ok(())
        });
    };
    let (first_day, last_day) = AuthorizeForm::date_bounds(today);

    let body = match offer() {
        Some(made) => rsx! {
            AuthorizationOfferPanel { key: "{made.authorization_id}", session: session.clone(), offer: made,
                on_new_code: move |_| offer.set(None),
            }
        },
        None => rsx! {
            form { class: "card form", novalidate: true, onsubmit: submit,
                p { {nhi_core::tr!(lang, "authorize-card-intro", days = DEFAULT_PERIOD_DAYS)} }
                label { r#for: "grantee-id", {lang.t("authorize-card-id-number-person-authorize")} }
                input { id: "grantee-id", autocapitalize: "characters", autocomplete: "off", maxlength: "10", spellcheck: "false",
                    value: "{form().grantee_id}", oninput: move |e| form.write().grantee_id = e.value(),
                }
                div { class: "date-range",
                    div {
                        label { r#for: "starts-on", {lang.t("authorize-card-start-date")} }
                        input { id: "starts-on", r#type: "date", placeholder: "YYYY-MM-DD", min: "{first_day}", max: "{last_day}",
                            value: "{form().starts_on}", oninput: move |e| form.write().starts_on = e.value(),
                        }
                    }
                    div {
                        label { r#for: "ends-on", {lang.t("authorize-card-end-date")} }
                        input { id: "ends-on", r#type: "date", placeholder: "YYYY-MM-DD", min: "{first_day}", max: "{last_day}",
                            value: "{form().ends_on}", oninput: move |e| form.write().ends_on = e.value(),
                        }
                    }
                }
                label { class: "checkbox",
                    input { r#type: "checkbox", checked: form().agree, onchange: move |e| form.write().agree = e.checked() }
                    {lang.t("authorize-card-i-agree-authorize-person")}
                }
                if let Some(text) = error() {
                    p { class: "error", role: "alert", {text} }
                }
                button { class: "button primary", r#type: "submit", disabled: busy(),
                    if busy() {
                        span { class: "spinner", aria_hidden: "true" }
                        {lang.t("authorize-card-making-code")}
                    } else {
                        {lang.t("authorize-card-make-authorization-code")}
                    }
                }
            }
        },
    };
    rsx! {
        section { class: "authorize",
            h1 { {title} }
            {body}
            Link { class: "more-link", to: Route::Authorizations {}, {lang.t("common-view-authorization")} }
        }
    }
}
