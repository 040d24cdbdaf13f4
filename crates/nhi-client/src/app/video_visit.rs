//! Video visit requests as the app shows them: which still wait for an answer, how each one
//! ended in words, and the card's list of uses.

use super::auth::Flows;
use super::quick_sign_in::QuickSignInError;
use super::session::Session;
use crate::client::ClientError;
use nhi_core::api::{
    AnswerVideoVisit, CardUse, VideoVisitAnswer, VideoVisitRequest, VideoVisitState,
};
use nhi_core::domain::quick_sign_in::SensitiveAction;
use nhi_core::i18n::Lang;

/// How often the card screen and the home screen look for new requests. A request waits ten
/// minutes; a patient on a video call sees it within seconds of the clinic sending it.
pub const CHECK_EVERY_SECONDS: u64 = 4;

/// The requests still waiting for an answer.
pub fn pending(requests: &[VideoVisitRequest]) -> usize {
    requests
        .iter()
        .filter(|r| r.state == VideoVisitState::Pending)
        .count()
}

/// How a request ended, in words for the person: who answered, or why it ended.
pub fn outcome(request: &VideoVisitRequest, lang: Lang) -> Option<String> {
    let by = request
        .answered_by
        .as_ref()
        .map(|p| p.name.as_str())
        .unwrap_or_default();
    let visit = request.visit_sequence.as_deref().unwrap_or_default();
    Some(match request.state {
        VideoVisitState::Pending => return None,
        VideoVisitState::Allowed => {
            nhi_core::tr!(
                lang,
                "video-visit-outcome-allowed",
                name = by,
                visit = visit
            )
        }
        VideoVisitState::Declined => nhi_core::tr!(lang, "video-visit-outcome-declined", name = by),
        VideoVisitState::Cancelled => lang.t("video-visit-outcome-cancelled"),
        VideoVisitState::Expired => lang.t("video-visit-outcome-expired"),
    })
}

impl Flows {
    pub async fn video_visits(
        &self,
        session: &Session,
    ) -> Result<Vec<VideoVisitRequest>, ClientError> {
        self.client.video_visits(&session.token).await
    }

    /// Allows or declines; allowing is confirmed with quick sign-in first where it is on (the
    /// prompt shows `reason`).
    pub async fn answer_video_visit(
        &self,
        session: &Session,
        request_id: &str,
        answer: VideoVisitAnswer,
        reason: &str,
    ) -> Result<VideoVisitRequest, QuickSignInError> {
        let approval = match answer {
            VideoVisitAnswer::Allow => {
                let action = SensitiveAction::AllowVideoVisit {
                    request_id: request_id.to_owned(),
                };
                self.confirm(session, &action, reason).await?
            }
            VideoVisitAnswer::Decline => None,
        };
        let body = AnswerVideoVisit { answer, approval };
        Ok(self
            .client
            .answer_video_visit_with(&session.token, request_id, &body)
            .await?)
    }

    pub async fn card_uses(&self, session: &Session) -> Result<Vec<CardUse>, ClientError> {
        self.client.card_uses(&session.token).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};
    use nhi_core::api::Party;

    fn request(state: VideoVisitState) -> VideoVisitRequest {
        let at = Utc.with_ymd_and_hms(2026, 11, 30, 6, 0, 0).unwrap();
        VideoVisitRequest {
            request_id: "r".into(),
            institution_code: "3501200000".into(),
            institution_name: "好心家庭醫學科診所".into(),
            department: "家醫科".into(),
            scheduled_at: at,
            message: None,
            state,
            expires_at: at,
            holder: Party {
                id_number: "A12****789".into(),
                name: "王小明".into(),
            },
            for_holder: false,
            answered_by: Some(Party {
                id_number: "A22****781".into(),
                name: "王陳美玉".into(),
            }),
            visit_sequence: Some("V003".into()),
        }
    }

    #[test]
    fn each_ending_is_told_with_who_or_why() {
        assert_eq!(outcome(&request(VideoVisitState::Pending), Lang::En), None);
        let allowed = outcome(&request(VideoVisitState::Allowed), Lang::En).unwrap();
        assert!(
            allowed.contains("王陳美玉") && allowed.contains("V003"),
            "{allowed}"
        );
        let declined = outcome(&request(VideoVisitState::Declined), Lang::ZhTw).unwrap();
        assert!(declined.contains("王陳美玉"), "{declined}");
        for state in [VideoVisitState::Cancelled, VideoVisitState::Expired] {
            for lang in Lang::ALL {
                let text = outcome(&request(state), lang).unwrap();
                assert!(
                    !text.starts_with("video-visit"),
                    "{state:?} {lang:?}: {text}"
                );
            }
        }
        let requests = [
            request(VideoVisitState::Pending),
            request(VideoVisitState::Expired),
        ];
        assert_eq!(pending(&requests), 1);
    }
}
