//! Deciding card applications, by a reviewer or by the demo auto-approval, and telling the
//! applicant by e-mail (application received, approved, rejected with the reason).

use crate::backend::error::ApiError;
use crate::backend::state::AppState;
use crate::backend::store::{Application, Decision};

/// The reviewer name recorded for automatic demo approvals.
pub const AUTO_REVIEWER: &str = "auto-approval (demo)";

pub async fn mail_received(
    state: &AppState,
    application: &Application,
    name: &str,
) -> Result<(), ApiError> {
    let body = format!(
        "{name} 您好：\n\n我們已收到您的虛擬健保卡申請（編號 {n}），審核約需 7 個工作天。\
         審核期間可先使用無照片的虛擬健保卡，就醫時請出示身分證明文件。\n\n\
         We received your Virtual NHI Card application (number {n}). Review takes up to 7 \
         working days; meanwhile the card without a photo can be used, with an ID document.\n",
        n = application.id
    );
    state
        .store
        .send_mail(
            &application.email,
            "虛擬健保卡申請已收到 / Application received",
            &body,
            state.clock.now(),
        )
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
    let (subject, body) = match decision {
        Decision::Approve => (
            "虛擬健保卡申請已核准 / Application approved",
            format!(
                "您的虛擬健保卡申請（編號 {n}）已核准，卡面已顯示您的照片。\n\
                 Your Virtual NHI Card application (number {n}) is approved; the card now shows your photo.\n",
                n = application.id
            ),
        ),
        Decision::Reject { reason, note } => {
            let (zh, en) = reason.text();
            let note = note.as_deref().map(|n| format!("（{n}）")).unwrap_or_default();
            (
                "虛擬健保卡申請未通過 / Application rejected",
                format!(
                    "您的虛擬健保卡申請（編號 {n}）未通過：{zh}{note}。請於 App 重新申辦。\n\
                     Your application (number {n}) was rejected: {en}{note}. Please apply again in the app.\n",
                    n = application.id
                ),
            )
        }
    };
    state
        .store
        .send_mail(&application.email, subject, &body, now)
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
