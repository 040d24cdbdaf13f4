//! 虛擬健保卡: the card and its state — apply, under review (photo-less card usable),
//! approved (photo card; changing the photo means cancelling), rejected (the reason).

use dioxus::prelude::*;

use crate::hooks::{use_busy_action, use_on_foreground, use_signed_in, use_video_visits};
use crate::widgets::{
    CardFace, CardQrPanel, CardUses, ConfirmAction, FamilyLinks, LoadFailed, Loading,
    VideoVisitRequests,
};
use crate::widgets::{Reminder, SignInRequired};
use crate::{Route, UiState};
use nhi_client::app::card::REVIEW_CHECK;
use nhi_client::app::wizard::ApplyStep;
use nhi_client::app::{display, Services};
use nhi_client::platform::time::sleep;
use nhi_core::api::CardState;

#[component]
pub fn VirtualCard() -> Element {
    let mut state = use_context::<UiState>();
    let services = use_context::<Services>();
    let lang = state.lang();
    let session = state.session.read().clone();
    let mut card = use_signed_in(|auth, s| async move { auth.card_with_photo(&s).await });
    let mut uses = use_signed_in(|auth, s| async move { auth.card_uses(&s).await });
    let (video_visits, reload_video_visits) = use_video_visits();
    // While the application is under review, look again every few seconds, so the approval
    // or rejection shows without a reload; the screen is redrawn only when it was decided.
    let watch = services.flows.clone();
    use_future(move || {
        let auth = watch.clone();
        async move {
            loop {
                sleep(REVIEW_CHECK).await;
                let showing = match &*card.peek() {
                    Some(Ok(Some((view, _)))) => Some(view.state),
                    _ => None,
                };
                let Some(session) = state.session.peek().clone() else {
                    continue;
                };
                if auth.decided_since(&session, showing).await {
                    card.restart();
                }
            }
        }
    });
    // Back in the foreground (the phone unlocked at the counter): the card may have been
    // decided or cancelled meanwhile.
    use_on_foreground(move || {
        card.restart();
        uses.restart();
        reload_video_visits.call(());
    });
    let mut confirm_cancel = use_signal(|| false);
    // The outcome of a cancellation is a notice either way, never an inline error.
    let action = use_busy_action::<std::convert::Infallible>();
    let busy = action.busy;
    let Some(session) = session else {
        return rsx! { SignInRequired { title: lang.t("common-virtual-nhi-card") } };
    };
    let auth = services.flows.clone();
    let cancel_session = session.clone();
    // Cancelling the card and withdrawing an application staff made differ only in words.
    let cancel = use_callback(move |done: &'static str| {
        let auth = auth.clone();
        let session = cancel_session.clone();
        action.run(async move {
            match auth.cancel_card(&session).await {
                Ok(()) => state.notify(done),
                Err(e) => state.notify_failure(e),
            }
            confirm_cancel.set(false);
            card.restart();
            Ok(())
        });
    });

    // A clinic's request for a video visit comes first: the patient is on the call. How the
    // recent ones ended comes after the card.
    let answered = move |_| {
        reload_video_visits.call(());
        uses.restart();
    };
    let requests = rsx! {
        VideoVisitRequests { session: session.clone(), requests: video_visits(), waiting: true, on_answered: answered }
    };
    let ended_requests = rsx! {
        VideoVisitRequests { session: session.clone(), requests: video_visits(), waiting: false, on_answered: answered }
    };
    let usage = match &*uses.read() {
        Some(Ok(Some(list))) => rsx! { CardUses { uses: list.clone() } },
        _ => rsx! {},
    };
    // Back on the card screen in this session: the card as it was last shown, at once (so its
    // QR is asked for at once) while it is read again.
    let shown_before = services
        .flows
        .card_shown_before(&session)
        .map(|shown| Ok(Some(shown)));
    let loaded = card.read();
    let body = match loaded.as_ref().or(shown_before.as_ref()) {
        None => {
            rsx! { Loading {} }
        }
        Some(Err(e)) => {
            let text = e.user_message(lang);
            rsx! {
                LoadFailed { message: text, on_retry: move |_| card.restart() }
            }
        }
        Some(Ok(None)) => rsx! {},
        Some(Ok(Some((view, photo)))) => match view.state {
            CardState::None => rsx! {
                div { class: "card",
                    p { {lang.t("virtual-card-have-no-virtual-nhi")} }
                    Link { class: "button primary", to: Route::CardApplication { step: ApplyStep::default() }, {lang.t("common-apply-virtual-nhi-card")} }
                }
            },
            CardState::UnderReview => {
                let submitted = view
                    .application
                    .as_ref()
                    .map(|a| display::local_date(a.submitted_at, lang))
                    .unwrap_or_default();
                // The QR first: on a small phone it is what the clinic needs in view.
                // Made by staff for the person (專案申請): who, and the way to withdraw it.
                let applied_by = view.application.as_ref().and_then(|a| a.applied_by.clone());
                rsx! {
                    {requests}
                    CardQrPanel { session: session.clone(), on_used: move |_| uses.restart() }
                    CardFace { person: view.person.clone(), photo: None }
                    div { class: "notice-inline", role: "status",
                        p { {nhi_core::tr!(lang, "virtual-card-under-review", date = submitted.as_str())} }
                        if let Some(by) = applied_by.clone() {
                            p { class: "applied-by", {nhi_core::tr!(lang, "virtual-card-applied-for-you", by = by.as_str(), date = submitted.as_str())} }
                        }
                    }
                    Reminder { ids: vec!["reminder-video-visit"] }
                    if let Some(by) = applied_by {
                        ConfirmAction {
                            open: confirm_cancel,
                            trigger_label: lang.t("virtual-card-withdraw"),
                            trigger_name: format!("{} {by}", lang.t("virtual-card-withdraw")),
                            message: nhi_core::tr!(lang, "virtual-card-withdraw-question", by = by.as_str()),
                            confirm_label: lang.t("virtual-card-withdraw-confirm"),
                            confirm_name: format!("{} {by}", lang.t("virtual-card-withdraw-confirm")),
                            busy: busy(),
                            on_confirm: move |_| cancel.call("virtual-card-withdrawn"),
                        }
                    }
                    {ended_requests}
                    {usage}
                    FamilyLinks {}
                    Link { class: "button secondary", to: Route::CardApplication { step: ApplyStep::default() }, {lang.t("virtual-card-apply-again-replaces-application")} }
                }
            }
            CardState::Approved => rsx! {
                {requests}
                CardQrPanel { session: session.clone(), on_used: move |_| uses.restart() }
                CardFace { person: view.person.clone(), photo: photo.clone() }
                {ended_requests}
                {usage}
                FamilyLinks {}
                p { class: "hint", {lang.t("virtual-card-card-approved-its-photo")} }
                ConfirmAction {
                    open: confirm_cancel,
                    trigger_label: lang.t("virtual-card-cancel-apply-again"),
                    message: lang.t("virtual-card-cancel-virtual-nhi-card"),
                    confirm_label: lang.t("virtual-card-cancel-card"),
                    busy: busy(),
                    on_confirm: move |_| cancel.call("virtual-card-virtual-nhi-card-cancelled"),
                }
            },
            CardState::Rejected => {
                let reason = view
                    .application
                    .as_ref()
                    .and_then(|a| a.reject_reason)
                    .map(|r| lang.t(r.message_id()))
                    .unwrap_or_default();
                let said = match view
                    .application
                    .as_ref()
                    .and_then(|a| a.reject_note.clone())
                {
                    Some(note) => nhi_core::tr!(
                        lang,
                        "virtual-card-rejected-with-note",
                        reason = reason,
                        note = note
                    ),
                    None => nhi_core::tr!(lang, "virtual-card-rejected", reason = reason),
                };
                rsx! {
                    div { class: "error", role: "alert",
                        p { {said} }
                    }
                    Link { class: "button primary", to: Route::CardApplication { step: ApplyStep::default() }, {lang.t("virtual-card-apply-again")} }
                }
            }
        },
    };

    rsx! {
        section { class: "virtual-card",
            h1 { {lang.t("common-virtual-nhi-card")} }
            {body}
            Link { class: "more-link", to: Route::Institutions {}, {lang.t("common-which-clinics-accept-virtual")} }
            Link { class: "more-link", to: Route::ApplicationRecords {}, {lang.t("records-title")} }
        }
    }
}
