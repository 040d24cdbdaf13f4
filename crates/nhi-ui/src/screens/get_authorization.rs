//! 取得授權: scan the card holder's authorization QR (camera on phones, an image on desktop)
//! or type their ID number and the 6-digit code → the authorization joins "Allowed".

use dioxus::prelude::*;
use nhi_core::i18n::Msg;

use crate::hooks::use_busy_action;
use crate::widgets::SignInRequired;
use crate::widgets::{Camera, ImagePicker, PickedImage};
use crate::{Route, UiState};
use nhi_client::app::authorization::{AuthorizationError, RedeemForm};
use nhi_client::app::Services;
use nhi_core::api::AuthorizationView;

#[component]
pub fn GetAuthorization() -> Element {
    let mut state = use_context::<UiState>();
    let services = use_context::<Services>();
    let nav = navigator();
    let lang = state.lang();
    let mut form = use_signal(RedeemForm::default);
    let action = use_busy_action::<String>();
    let (busy, mut error) = (action.busy, action.error);
    let title = lang.t("common-get-authorization");
    let Some(session) = state.session.read().clone() else {
        return rsx! { SignInRequired { title: title.to_owned() } };
    };

    // Both ways end the same: a notice naming the card holder and the period, then the list.
    let mut finish = move |result: Result<AuthorizationView, AuthorizationError>| {
        let view = result.map_err(|e| e.user_message(lang))?;
        state.notify(
            Msg::new("get-authorization-done")
                .with("holder", view.grantor.name.as_str())
                .with("from", view.starts_on)
                .with("to", view.ends_on),
        );
        nav.replace(Route::Authorizations {});
        Ok(())
    };

    let auth = services.flows.clone();
    let typed_session = session.clone();
    let submit = move |e: FormEvent| {
        e.prevent_default();
        let auth = auth.clone();
        let session = typed_session.clone();
        let typed = form();
        action.run(async move { finish(auth.redeem_by_code(&session, &typed).await) });
    };
    let auth = services.flows.clone();
    let scanned = move |image: PickedImage| {
        let auth = auth.clone();
        let session = session.clone();
        action.run(async move { finish(auth.redeem_from_image(&session, image.bytes).await) });
    };

    rsx! {
        section { class: "get-authorization",
            h1 { {title} }
            form { class: "card form", novalidate: true, onsubmit: submit,
                p { {lang.t("get-authorization-ask-card-holder-make")} }
                ImagePicker {
                    label: lang.t("get-authorization-scan-authorization-qr-code"),
                    camera: Camera::Back,
                    on_pick: scanned,
                    on_error: move |text: String| error.set(Some(text)),
                }
                h2 { {lang.t("get-authorization-type-holder-id-and-code")} }
                label { r#for: "grantor-id", {lang.t("get-authorization-holder-id")} }
                input { id: "grantor-id", autocapitalize: "characters", autocomplete: "off", maxlength: "10", spellcheck: "false",
                    value: "{form().grantor_id}", oninput: move |e| form.write().grantor_id = e.value(),
                }
                label { r#for: "authorization-code-input", {lang.t("get-authorization-authorization-code-6-digits")} }
                input { id: "authorization-code-input", class: "code-input", inputmode: "numeric", autocomplete: "one-time-code", maxlength: "6",
                    value: "{form().code}", oninput: move |e| form.write().code = e.value(),
                }
                if let Some(text) = error() {
                    p { class: "error", role: "alert", {text} }
                }
                button { class: "button primary", r#type: "submit", disabled: busy(),
                    if busy() {
                        span { class: "spinner", aria_hidden: "true" }
                        {lang.t("get-authorization-checking")}
                    } else {
                        {lang.t("common-get-authorization")}
                    }
                }
            }
            Link { class: "more-link", to: Route::Authorizations {}, {lang.t("common-view-authorization")} }
        }
    }
}
