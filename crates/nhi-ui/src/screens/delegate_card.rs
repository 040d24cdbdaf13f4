//! Showing a family member's card under an authorization: tick "agree to accept", then their
//! card with its one-time QR, marked plainly as presented by a delegate. Once accepted, the
//! mark and the QR come first, so a small phone shows the whole QR at the counter.

use dioxus::prelude::*;

use crate::hooks::use_signed_in;
use crate::widgets::SignInRequired;
use crate::widgets::{CardQrPanel, LoadFailed, Loading, StepHeading};
use crate::{Route, UiState};
use nhi_client::app::authorization::{period_text, unusable_reason};
use nhi_client::client::ClientError;
use nhi_core::api::{AuthorizationState, ProblemCode};

#[component]
pub fn DelegateCard(id: i64) -> Element {
    let state = use_context::<UiState>();
    let lang = state.lang();
    let session = state.session.read().clone();
    let mut found =
        use_signed_in(move |auth, s| async move { auth.allowed_authorization(&s, id).await });
    let mut accepted = use_signal(|| false);
    let mut refused = use_signal(|| None::<ClientError>);
    let title = lang.t("common-show-family-members-card");
    let Some(session) = session else {
        return rsx! { SignInRequired { title: title.to_owned() } };
    };

    let body = match &*found.read() {
        None => rsx! {
            Loading {}
        },
        Some(Err(e)) => rsx! {
            LoadFailed { message: e.user_message(lang), on_retry: move |_| found.restart() }
        },
        Some(Ok(None)) => rsx! {},
        Some(Ok(Some(None))) => rsx! {
            p { class: "error", role: "alert", {lang.t("delegate-card-authorization-was-not-found")} }
        },
        // One state, with its reason; no card, no code, nothing polling.
        Some(Ok(Some(Some(view)))) if view.state != AuthorizationState::Active => rsx! {
            div { class: "error", role: "alert",
                p { {unusable_reason(view.state, lang)} }
                p { {nhi_core::tr!(lang, "delegate-card-period-is", period = period_text(view, lang))} }
            }
        },
        // Refused while the authorization still looks active here: either the lookup in
        // flight will say how it ended (cancelled, ended), or the holder's own card ended.
        Some(Ok(Some(Some(_)))) if refused().is_some() => match refused() {
            Some(ClientError::Problem(p)) if p.code == ProblemCode::AuthorizationInactive => rsx! {
                Loading {}
            },
            other => rsx! {
                div { class: "error", role: "alert",
                    p { {other.map(|e| e.user_message(lang)).unwrap_or_default()} }
                }
            },
        },
        Some(Ok(Some(Some(view)))) => {
            let holder = view.grantor.clone();
            let me = session.person.name.clone();
            let period = nhi_core::tr!(
                lang,
                "delegate-card-authorized-by",
                holder = holder.name.as_str(),
                period = period_text(view, lang)
            );
            if !accepted() {
                rsx! {
                    p { {period} }
                    label { class: "checkbox",
                        input { r#type: "checkbox", checked: accepted(), onchange: move |e| accepted.set(e.checked()) }
                        {lang.t("delegate-card-i-agree-accept-use")}
                    }
                }
            } else {
                rsx! {
                    // The mark takes the focus once accepted (the checkbox is gone).
                    div { class: "delegate-banner",
                        StepHeading {
                            text: nhi_core::tr!(lang, "delegate-card-presented-by",
                                delegate = me.as_str(), holder = holder.name.as_str()),
                            focus: true,
                        }
                    }
                    CardQrPanel {
                        session: session.clone(),
                        delegate_of: Some(id),
                        // The holder cancelled, or their card ended: look the authorization up
                        // again and show one state with its reason instead of the card.
                        on_refused: move |e| {
                            refused.set(Some(e));
                            found.restart();
                        },
                    }
                    div { class: "card-face delegate", role: "group", aria_label: lang.t("delegate-card-virtual-nhi-card-shown"),
                        dl {
                            dt { {lang.t("common-name")} }
                            dd { class: "person-name", {holder.name.clone()} }
                            dt { {lang.t("common-id-number")} }
                            dd { {holder.id_number.clone()} }
                        }
                    }
                    p { class: "hint", {period} }
                }
            }
        }
    };
    rsx! {
        section { class: "delegate-card",
            h1 { {title} }
            {body}
            Link { class: "more-link", to: Route::Authorizations {}, {lang.t("common-view-authorization")} }
        }
    }
}
