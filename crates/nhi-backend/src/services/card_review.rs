//! Deciding card applications, by a reviewer or by the demo auto-approval, and telling the
//! applicant by e-mail (application received, approved, rejected with the reason).

use crate::error::ApiError;
use crate::state::AppState;
use crate::store::{Application, Decision};
use nhi_core::i18n::Lang;
use nhi_core::tr;

/// The reviewer name recorded for automatic demo approvals.
pub const AUTO_REVIEWER: &str = "auto-approval (demo)";

/// A mail in both of the pages' languages: the applicant's own is not known here.
fn in_both(subject: &str, body: &dyn Fn(Lang) -> String) -> (String, String) {
    let [zh, en] = [Lang::ZhTw, Lang::En];
    (
        format!("{} / {}", zh.t(subject), en.t(subject)),
        format!("{}\n\n{}\n", body(zh), body(en)),
    )
}

pub async fn mail_received(
    state: &AppState,
    application: &Application,
    name: &str,
) -> Result<(), ApiError> {
    let number = application.id;
    let (subject, body) = in_both("mail-received-subject", &|l| {
        tr!(l, "mail-received-body", name = name, number = number)
    });
    state
        .store
        .send_mail(&application.email, &subject, &body, state.clock.now())
        .await?;
    Ok(())
}

/// Records the decision and e-mails it; false when the application was no longer waiting.
pub async fn decide(
    state: &AppState,
    application: &Application,
    decision: &Decision,
    reviewer: &str,
) -> Result<bool, ApiError> {
    let now = state.clock.now();
    if !state
        .store
        .decide(application.id, decision, reviewer, now)
        .await?
    {
        return Ok(false);
    }
    let number = application.id;
    let (subject, body) = match decision {
        Decision::Approve => in_both("mail-approved-subject", &|l| {
            tr!(l, "mail-approved-body", number = number)
        }),
        Decision::Reject { reason, note } => in_both("mail-rejected-subject", &|l| {
            let note = note
                .as_deref()
                .map(|n| tr!(l, "mail-note", note = n))
                .unwrap_or_default();
            let reason = l.t(reason.message_id());
            tr!(
                l,
                "mail-rejected-body",
                number = number,
                reason = reason,
                note = note
            )
        }),
    };
    state
        .store
        .send_mail(&application.email, &subject, &body, now)
        .await?;
    Ok(true)
}

/// With the demo switch on, applications waiting longer than the set time are approved.
pub async fn auto_approve_due(state: &AppState) -> Result<(), ApiError> {
    let Some(after) = state.auto_approve_after else {
        return Ok(());
    };
    let now = state.clock.now();
    for application in state.store.review_queue().await? {
        if application.submitted_at + after <= now {
            decide(state, &application, &Decision::Approve, AUTO_REVIEWER).await?;
        }
    }
    Ok(())
}
