//! 虛擬健保卡: the card and its state — apply, under review (photo-less card usable),
//! approved (photo card; changing the photo means cancelling), rejected (the reason).

use dioxus::prelude::*;

use crate::api::CardState;
use crate::app::card::REVIEW_CHECK;
use crate::app::wizard::ApplyStep;
use crate::app::{display, Services};
use crate::platform::time::sleep;
use crate::ui::hooks::{use_action, use_on_foreground, use_signed_in};
use crate::ui::widgets::SignInRequired;
use crate::ui::widgets::{CardFace, CardQrPanel, ConfirmAction, FamilyLinks, LoadFailed, Loading};
use crate::ui::{Route, UiState};

#[component]
pub fn VirtualCard() -> Element {
    let mut state = use_context::<UiState>();
    let services = use_context::<Services>();
    let lang = state.lang();
    let session = state.session.read().clone();
    let mut card = use_signed_in(|auth, s| async move { auth.card_with_photo(&s).await });
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
    use_on_foreground(move || card.restart());
    let mut confirm_cancel = use_signal(|| false);
    // The outcome of a cancellation is a notice either way, never an inline error.
    let action = use_action::<std::convert::Infallible>();
    let busy = action.busy;
    let Some(session) = session else {
        return rsx! { SignInRequired { title: lang.pick("虛擬健保卡", "Virtual NHI Card").to_owned() } };
    };
    let auth = services.flows.clone();
    let cancel_session = session.clone();
    let cancel = move |_: ()| {
        let auth = auth.clone();
        let session = cancel_session.clone();
        action.run(async move {
            match auth.cancel_card(&session).await {
                Ok(()) => state.notify("虛擬健保卡已註銷。", "The Virtual NHI Card is cancelled."),
                Err(e) => state.notify(
                    &e.user_message(crate::domain::Lang::ZhTw),
                    &e.user_message(crate::domain::Lang::En),
                ),
            }
            confirm_cancel.set(false);
            card.restart();
            Ok(())
        });
    };

    let body = match &*card.read() {
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
                    p { {lang.pick("您尚未申辦虛擬健保卡。申辦後即可用手機出示 QR 碼就醫，並可授權家人使用。", "You have no Virtual NHI Card yet. With one you can see a doctor by showing a QR code, and let family members use it.")} }
                    Link { class: "button primary", to: Route::CardApplication { step: ApplyStep::default() }, {lang.pick("申辦虛擬健保卡", "Apply for the Virtual NHI Card")} }
                }
            },
            CardState::UnderReview => {
                let submitted = view
                    .application
                    .as_ref()
                    .map(|a| display::local_date(a.submitted_at))
                    .unwrap_or_default();
                // The QR first: on a small phone it is what the clinic needs in view.
                rsx! {
                    CardQrPanel { session: session.clone() }
                    CardFace { person: view.person.clone(), photo: None }
                    div { class: "notice-inline", role: "status",
                        p { {format!("{}{submitted}{}", lang.pick("申請已於 ", "Applied on "), lang.pick(" 送出，審核約需 7 個工作天。審核期間可使用無照片的虛擬健保卡，就醫時請出示身分證明文件。", ". Review takes up to 7 working days; meanwhile use the card without a photo and show an ID document at the clinic."))} }
                    }
                    FamilyLinks {}
                    Link { class: "button secondary", to: Route::CardApplication { step: ApplyStep::default() }, {lang.pick("重新申辦（取代審核中的申請）", "Apply again (replaces the application under review)")} }
                }
            }
            CardState::Approved => rsx! {
                CardQrPanel { session: session.clone() }
                CardFace { person: view.person.clone(), photo: photo.clone() }
                FamilyLinks {}
                p { class: "hint", {lang.pick("虛擬健保卡已核准，照片無法更換。如需更換照片，須先註銷虛擬健保卡再重新申辦。", "Your card is approved; its photo cannot be changed. To change the photo, cancel the card and apply again.")} }
                ConfirmAction {
                    open: confirm_cancel,
                    trigger_label: lang.pick("註銷並重新申辦", "Cancel and apply again").to_owned(),
                    message: lang.pick("確定要註銷虛擬健保卡嗎？註銷後須重新申辦並再次審核。", "Cancel the Virtual NHI Card? You will have to apply again and wait for review.").to_owned(),
                    confirm_label: lang.pick("確定註銷", "Cancel the card").to_owned(),
                    busy: busy(),
                    on_confirm: cancel,
                }
            },
            CardState::Rejected => {
                let reason = view
                    .application
                    .as_ref()
                    .and_then(|a| a.reject_reason)
                    .map(|r| lang.pick(r.text().0, r.text().1).to_owned())
                    .unwrap_or_default();
                let note = view
                    .application
                    .as_ref()
                    .and_then(|a| a.reject_note.clone())
                    .map(|n| format!("（{n}）"))
                    .unwrap_or_default();
                rsx! {
                    div { class: "error", role: "alert",
                        p { {format!("{}{reason}{note}", lang.pick("申請未通過：", "Your application was rejected: "))} }
                    }
                    Link { class: "button primary", to: Route::CardApplication { step: ApplyStep::default() }, {lang.pick("重新申辦", "Apply again")} }
                }
            }
        },
    };

    rsx! {
        section { class: "virtual-card",
            h1 { {lang.pick("虛擬健保卡", "Virtual NHI Card")} }
            {body}
            Link { class: "more-link", to: Route::Institutions {}, {lang.pick("哪些院所可使用虛擬健保卡？", "Which clinics accept the virtual card?")} }
        }
    }
}
