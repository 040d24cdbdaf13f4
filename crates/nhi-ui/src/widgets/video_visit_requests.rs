//! Video visit requests on the card screen: which clinic asks, for which department and
//! time, and "Allow" / "Decline" — for the person's own card and for a card they present
//! under an authorization. Ended requests stay a while with how they ended, listed apart
//! (below the card) so that the QR comes back into view once nothing waits.

use dioxus::prelude::*;

use crate::hooks::use_busy_action;
use crate::state::Notice;
use crate::UiState;
use nhi_client::app::video_visit::outcome;
use nhi_client::app::{display, QuickSignInError, Services, Session};
use nhi_core::api::{VideoVisitAnswer, VideoVisitRequest, VideoVisitState};
use nhi_core::i18n::Msg;

#[component]
pub fn VideoVisitRequests(
    session: Session,
    requests: Vec<VideoVisitRequest>,
    /// The requests waiting for an answer, or (false) the ended ones.
    waiting: bool,
    /// After an answer (either way): look again, and at the card's uses.
    on_answered: EventHandler<()>,
) -> Element {
    let lang = use_context::<UiState>().lang();
    let shown: Vec<VideoVisitRequest> = requests
        .into_iter()
        .filter(|r| (r.state == VideoVisitState::Pending) == waiting)
        .collect();
    if shown.is_empty() {
        return rsx! {};
    }
    let (class, title_id, title) = if waiting {
        (
            "video-visits",
            "video-visits-title",
            "video-visit-requests-title",
        )
    } else {
        (
            "video-visits ended",
            "video-visits-ended-title",
            "video-visit-requests-ended-title",
        )
    };
    rsx! {
        section { class, aria_labelledby: title_id,
            h2 { id: title_id, {lang.t(title)} }
            ul {
                for request in shown {
                    VideoVisitItem {
                        key: "{request.request_id}",
                        session: session.clone(),
                        request: request.clone(),
                        on_answered,
                    }
                }
            }
        }
    }
}

#[component]
fn VideoVisitItem(
    session: Session,
    request: VideoVisitRequest,
    on_answered: EventHandler<()>,
) -> Element {
    let mut state = use_context::<UiState>();
    let services = use_context::<Services>();
    let lang = state.lang();
    let action = use_busy_action::<std::convert::Infallible>();
    let busy = action.busy;
    let request_id = request.request_id.clone();
    let answer = use_callback(move |choice: VideoVisitAnswer| {
        let flows = services.flows.clone();
        let session = session.clone();
        let id = request_id.clone();
        action.run(async move {
            let reason = state.lang().t("video-visit-confirm-reason");
            match flows
                .answer_video_visit(&session, &id, choice, &reason)
                .await
            {
                Ok(done) if done.state == VideoVisitState::Allowed => state.notify(
                    Msg::new("video-visit-allowed-notice")
                        .with("clinic", done.institution_name.as_str())
                        .with("visit", done.visit_sequence.unwrap_or_default()),
                ),
                Ok(_) => state.notify("video-visit-declined-notice"),
                Err(QuickSignInError::Server(e)) => state.notify_failure(e),
                Err(e) => state.notice.set(Some(Notice::Unconfirmed(e))),
            }
            on_answered.call(());
            Ok(())
        });
    });
    let when = format!(
        "{} {}",
        display::local_date(request.scheduled_at, lang),
        display::local_time(request.scheduled_at)
    );
    let pending = request.state == VideoVisitState::Pending;
    rsx! {
        li { class: "video-visit", "data-state": format!("{:?}", request.state),
            strong { class: "clinic",
                {nhi_core::tr!(lang, "video-visit-clinic", name = request.institution_name.as_str(), code = request.institution_code.as_str())}
            }
            p { {nhi_core::tr!(lang, "video-visit-department-time", department = request.department.as_str(), time = when)} }
            if request.for_holder {
                p { class: "for-holder",
                    {nhi_core::tr!(lang, "video-visit-for-holder", holder = request.holder.name.as_str())}
                }
            }
            if let Some(message) = &request.message {
                p { class: "message", {nhi_core::tr!(lang, "video-visit-message", message = message.as_str())} }
            }
            if pending {
                p { class: "hint",
                    {nhi_core::tr!(lang, "video-visit-answer-by", time = display::local_time(request.expires_at))}
                }
                div { class: "actions",
                    button { class: "button primary", r#type: "button", "data-answer": answer_key(VideoVisitAnswer::Allow), disabled: busy(),
                        onclick: move |_| answer.call(VideoVisitAnswer::Allow),
                        {lang.t("video-visit-allow")}
                    }
                    button { class: "button secondary", r#type: "button", "data-answer": answer_key(VideoVisitAnswer::Decline), disabled: busy(),
                        onclick: move |_| answer.call(VideoVisitAnswer::Decline),
                        {lang.t("video-visit-decline")}
                    }
                }
            } else {
                p { class: "outcome", role: "status", {outcome(&request, lang).unwrap_or_default()} }
            }
        }
    }
}

/// The answer a button gives, as a machine reads it (tests, the browser test).
fn answer_key(answer: VideoVisitAnswer) -> &'static str {
    match answer {
        VideoVisitAnswer::Allow => "allow",
        VideoVisitAnswer::Decline => "decline",
    }
}
