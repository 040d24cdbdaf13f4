//! The grantor's one-time offer on screen: the 6-digit code and its QR with a mm:ss countdown,
//! and — within seconds of the grantee redeeming it — "accepted", so the grantor knows when
//! to put the phone away.

use std::time::Duration;

use dioxus::prelude::*;

use crate::api::{AuthorizationOffer, AuthorizationState, AuthorizationView};
use crate::app::authorization::{period_text, state_label};
use crate::app::card_qr::{countdown, qr_image, USE_CHECK_EVERY_SECONDS};
use crate::app::{Services, Session};
use crate::platform::time::sleep;
use crate::ui::UiState;

#[component]
pub fn AuthorizationOfferPanel(
    session: Session,
    offer: AuthorizationOffer,
    on_new_code: EventHandler<()>,
) -> Element {
    let state = use_context::<UiState>();
    let services = use_context::<Services>();
    let lang = state.lang();
    let mut now = use_signal(|| services.flows.clock().now());
    let mut settled = use_signal(|| None::<AuthorizationView>);

    let auth = services.flows.clone();
    let id = offer.authorization_id;
    let expires_at = offer.expires_at;
    use_future(move || {
        let auth = auth.clone();
        let session = session.clone();
        async move {
            let mut tick: u64 = 0;
            loop {
                let current = auth.clock().now();
                now.set(current);
                // Ask until the offer is redeemed, or until a little after it lapsed (a
                // redemption in its last second still shows).
                let asking = current <= expires_at + chrono::Duration::seconds(5);
                if asking
                    && settled.peek().is_none()
                    && tick.is_multiple_of(USE_CHECK_EVERY_SECONDS)
                {
                    if let Ok(Some(view)) = auth.offer_outcome(&session, id).await {
                        settled.set(Some(view));
                    }
                }
                tick += 1;
                sleep(Duration::from_secs(1)).await;
            }
        }
    });

    let body = match settled() {
        Some(view) if view.state != AuthorizationState::OfferExpired => rsx! {
            div { class: "notice-inline used", role: "status",
                p {
                    {match lang {
                        crate::domain::Lang::ZhTw => format!("{} 已接受授權（{}，{}）。", view.grantee.name, period_text(&view, lang), state_label(view.state, lang)),
                        crate::domain::Lang::En => format!("{} accepted the authorization ({}; {}).", view.grantee.name, period_text(&view, lang), state_label(view.state, lang)),
                    }}
                }
            }
        },
        settled_view if settled_view.is_some() || now() >= expires_at => rsx! {
            div { class: "error", role: "alert",
                p { {lang.pick("授權碼已失效（超過 5 分鐘或輸入錯誤太多次），對方未完成取得授權。", "The code is no longer valid (5 minutes passed, or too many wrong tries); the authorization was not accepted.")} }
                button { class: "button primary", r#type: "button", onclick: move |_| on_new_code.call(()),
                    {lang.pick("重新產生授權碼", "Make a new code")}
                }
            }
        },
        _ => {
            let left = countdown(expires_at, now());
            let digits = offer.code.clone();
            let alt = format!(
                "{}{left}",
                lang.pick("授權 QR 碼，剩餘 ", "Authorization QR code, valid for ")
            );
            rsx! {
                p { {lang.pick("請對方在「查看授權」→「取得授權」掃描下方 QR 碼，或輸入您的身分證號與授權碼。", "Ask them to open \"View authorization\" → \"Get authorization\" and scan this QR code, or type your ID number and this code.")} }
                p { class: "authorization-code",
                    span { class: "label", {lang.pick("授權碼", "Authorization code")} }
                    strong { id: "authorization-code", aria_label: digits.chars().map(String::from).collect::<Vec<_>>().join(" "), {digits.clone()} }
                }
                img { class: "card-qr authorization-qr", src: "{qr_image(&offer.qr_payload)}",
                    alt: "{alt}",
                }
                p { class: "countdown", aria_live: "off",
                    {lang.pick("有效時間 ", "Valid for ")}
                    strong { id: "offer-countdown", {left} }
                }
                p { class: "hint", {lang.pick("授權碼與 QR 碼 5 分鐘內有效，只能使用一次，且只有您指定的人可以使用。", "The code and QR work once, within 5 minutes, and only for the person you named.")} }
            }
        }
    };
    rsx! {
        section { class: "offer-panel", aria_label: lang.pick("授權碼", "Authorization code"), {body} }
    }
}
