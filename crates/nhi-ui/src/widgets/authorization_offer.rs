//! The grantor's one-time offer on screen: the 6-digit code and its QR with a mm:ss countdown,
//! and — within seconds of the grantee redeeming it — "accepted", so the grantor knows when
//! to put the phone away.

use std::time::Duration;

use dioxus::prelude::*;

use crate::UiState;
use nhi_client::app::authorization::{period_text, state_label};
use nhi_client::app::card_qr::{countdown, qr_image, USE_CHECK_EVERY_SECONDS};
use nhi_client::app::{Services, Session};
use nhi_client::platform::time::sleep;
use nhi_core::api::{AuthorizationOffer, AuthorizationState, AuthorizationView};

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
                    {nhi_core::tr!(lang, "authorization-offer-accepted",
                        grantee = view.grantee.name.as_str(),
                        period = period_text(&view, lang),
                        state = state_label(view.state, lang))}
                }
            }
        },
        settled_view if settled_view.is_some() || now() >= expires_at => rsx! {
            div { class: "error", role: "alert",
                p { {lang.t("authorization-offer-code-no-longer-valid")} }
                button { class: "button primary", r#type: "button", onclick: move |_| on_new_code.call(()),
                    {lang.t("authorization-offer-make-new-code")}
                }
            }
        },
        _ => {
            let left = countdown(expires_at, now());
            let digits = offer.code.clone();
            let alt = nhi_core::tr!(lang, "authorization-offer-qr-alt", left = left.as_str());
            rsx! {
                p { {lang.t("authorization-offer-ask-them-open-view")} }
                p { class: "authorization-code",
                    span { class: "label", {lang.t("authorization-offer-authorization-code")} }
                    strong { id: "authorization-code", aria_label: digits.chars().map(String::from).collect::<Vec<_>>().join(" "), {digits.clone()} }
                }
                img { class: "card-qr authorization-qr", src: "{qr_image(&offer.qr_payload)}",
                    alt: "{alt}",
                }
                p { class: "countdown", aria_live: "off",
                    {lang.t("common-valid-for")}
                    strong { id: "offer-countdown", {left} }
                }
                p { class: "hint", {lang.t("authorization-offer-code-qr-work-once")} }
            }
        }
    };
    rsx! {
        section { class: "offer-panel", aria_label: lang.t("authorization-offer-authorization-code"), {body} }
    }
}
