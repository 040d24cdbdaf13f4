//! 取得授權: scan the card holder's authorization QR (camera on phones, an image on desktop)
//! or type their ID number and the 6-digit code → the authorization joins "Allowed".

use dioxus::prelude::*;

use crate::api::AuthorizationView;
use crate::app::authorization::{period_text, AuthorizationError, RedeemForm};
use crate::app::Services;
use crate::ui::hooks::use_action;
use crate::ui::widgets::SignInRequired;
use crate::ui::widgets::{Camera, ImagePicker, PickedImage};
use crate::ui::{Route, UiState};

#[component]
pub fn GetAuthorization() -> Element {
    let mut state = use_context::<UiState>();
    let services = use_context::<Services>();
    let nav = navigator();
    let lang = state.lang();
    let mut form = use_signal(RedeemForm::default);
    let action = use_action::<String>();
    let (busy, mut error) = (action.busy, action.error);
    let title = lang.pick("取得授權", "Get authorization");
    let Some(session) = state.session.read().clone() else {
        return rsx! { SignInRequired { title: title.to_owned() } };
    };

    // Both ways end the same: a notice naming the card holder and the period, then the list.
    let mut finish = move |result: Result<AuthorizationView, AuthorizationError>| {
        let view = result.map_err(|e| e.user_message(lang))?;
        let (zh_period, en_period) = (
            period_text(&view, crate::domain::Lang::ZhTw),
            period_text(&view, crate::domain::Lang::En),
        );
        state.notify(
            &format!("已取得 {} 的授權，期間 {zh_period}。", view.grantor.name),
            &format!("You may now use {}'s card, {en_period}.", view.grantor.name),
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
                p { {lang.pick("請授權人在其手機「授權使用」產生授權 QR 碼與授權碼（5 分鐘內有效）。", "Ask the card holder to make an authorization QR code and code under \"Authorize\" on their phone (valid 5 minutes).")} }
                ImagePicker {
                    label: lang.pick("掃描授權 QR 碼（相機或圖片）", "Scan the authorization QR code (camera or image)").to_owned(),
                    camera: Camera::Back,
                    on_pick: scanned,
                    on_error: move |text: String| error.set(Some(text)),
                }
                h2 { {lang.pick("或輸入授權人身分證號與授權碼", "Or type the card holder's ID number and the code")} }
                label { r#for: "grantor-id", {lang.pick("授權人身分證號／居留證號", "Card holder's ID number")} }
                input { id: "grantor-id", autocapitalize: "characters", autocomplete: "off", maxlength: "10", spellcheck: "false",
                    value: "{form().grantor_id}", oninput: move |e| form.write().grantor_id = e.value(),
                }
                label { r#for: "authorization-code-input", {lang.pick("授權碼（6 位數字）", "Authorization code (6 digits)")} }
                input { id: "authorization-code-input", class: "code-input", inputmode: "numeric", autocomplete: "one-time-code", maxlength: "6",
                    value: "{form().code}", oninput: move |e| form.write().code = e.value(),
                }
                if let Some(text) = error() {
                    p { class: "error", role: "alert", {text} }
                }
                button { class: "button primary", r#type: "submit", disabled: busy(),
                    if busy() {
                        span { class: "spinner", aria_hidden: "true" }
                        {lang.pick("確認中…", "Checking…")}
                    } else {
                        {lang.pick("取得授權", "Get authorization")}
                    }
                }
            }
            Link { class: "more-link", to: Route::Authorizations {}, {lang.pick("查看授權", "View authorization")} }
        }
    }
}
