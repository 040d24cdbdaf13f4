//! Video visits over real TLS: a clinic requests the card, the person (or a delegate)
//! allows or declines in the app, the clinic gets the verification once; decline, expiry and
//! cancellation on both sides; the rules (programme, one open request, rate limits); races.

use crate::support;

use chrono::{DateTime, Duration, Utc};
use nhi_core::api::{
    ProblemCode, Verification, VideoVisitAnswer, VideoVisitRequest, VideoVisitState,
    VideoVisitStatus,
};
use nhi_core::domain::Clock;
use support::clinic::*;
use support::family::*;
use support::*;

/// The adult, signed in, with a card under review (photo-less).
async fn holder(t: &TestBackend) -> String {
    let token = t.signed_in_adult().await.token;
    support::card::apply_for_card(t, &token).await;
    token
}

fn soon(t: &TestBackend) -> DateTime<Utc> {
    t.clock.now() + Duration::minutes(5)
}

/// The clinic asks for the adult's card; the request's ID.
async fn requested(t: &TestBackend, clinic: &[(&str, &str)], department: &str) -> String {
    let (status, body) = Clinic::new(t)
        .request_video_visit(clinic, ADULT_ID, department, soon(t))
        .await;
    assert_eq!(status, 201, "{body}");
    body["request_id"].as_str().unwrap().to_owned()
}

async fn clinic_view(t: &TestBackend, id: &str) -> VideoVisitStatus {
    let (code, body) = Clinic::new(t).video_visit(&CLINIC, id).await;
    assert_eq!(code, 200, "{body}");
    serde_json::from_value(body).unwrap()
}

async fn listed(t: &TestBackend, token: &str) -> Vec<VideoVisitRequest> {
    t.client.video_visits(token).await.unwrap()
}

#[tokio::test]
async fn the_person_allows_and_the_clinic_gets_what_a_scan_gives_once() {
    let t = TestBackend::spawn().await;
    let token = holder(&t).await;
    let id = requested(&t, &CLINIC, "家醫科").await;
    let pending = clinic_view(&t, &id).await;
    assert_eq!(pending.state, VideoVisitState::Pending);
    assert_eq!(pending.expires_at, t.clock.now() + Duration::minutes(10));
    assert!(pending.verification.is_none(), "nothing before the answer");

    let shown = listed(&t, &token).await;
    assert_eq!(shown.len(), 1);
    let request = &shown[0];
    assert_eq!(
        (
            request.institution_name.as_str(),
            request.institution_code.as_str(),
            request.department.as_str()
        ),
        ("好心家庭醫學科診所", "3501200000", "家醫科")
    );
    assert_eq!(request.scheduled_at, soon(&t));
    assert_eq!(request.message.as_deref(), Some("林醫師會在 LINE 視訊"));
    assert!(!request.for_holder);

    let allowed = t
        .client
        .answer_video_visit(&token, &id, VideoVisitAnswer::Allow)
        .await
        .unwrap();
    assert_eq!(allowed.state, VideoVisitState::Allowed);
    assert_eq!(allowed.visit_sequence.as_deref(), Some("V001"));

    let done = clinic_view(&t, &id).await;
    assert_eq!(done.state, VideoVisitState::Allowed);
    let v = done.verification.clone().expect("the verification");
    assert_eq!(
        (
            v.name.as_str(),
            v.id_number.as_str(),
            v.visit_sequence.as_str()
        ),
        (ADULT_NAME, ADULT_ID, "V001")
    );
    assert_eq!(v.birth_date_roc, "0700101");
    assert!(v.photo_less && !v.presented_by_delegate);
    assert_eq!(v.institution, "好心家庭醫學科診所");
    // Read again: the same answer, no second visit number.
    t.clock.advance(Duration::minutes(1));
    assert_eq!(clinic_view(&t, &id).await.verification, Some(v.clone()));

    // The same fields as a scanned code's answer, and a scanned code numbers on.
    let code = t.client.card_qr(&token).await.unwrap();
    let (scan_status, scanned) = Clinic::new(&t).verify(&CLINIC, &code.payload).await;
    assert_eq!(scan_status, 200);
    let remote = serde_json::to_value(&v).unwrap();
    let keys = |j: &serde_json::Value| {
        let mut k: Vec<String> = j.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&remote), keys(&scanned));
    let scanned: Verification = serde_json::from_value(scanned).unwrap();
    assert_eq!(scanned.visit_sequence, "V002");

    // Both uses in the card's records, newest first, the video visit said so.
    let uses = t.client.card_uses(&token).await.unwrap();
    assert_eq!(uses.len(), 2);
    assert!(!uses[0].video_visit && uses[1].video_visit);
    assert_eq!(uses[1].institution, "好心家庭醫學科診所");
    assert_eq!(uses[1].visit_sequence, "V001");
    assert!(uses[1].delegate.is_none());
}

#[tokio::test]
async fn decline_expiry_and_cancellation_show_on_both_sides() {
    let t = TestBackend::spawn().await;
    let token = holder(&t).await;
    let clinic = Clinic::new(&t);

    // A minute apart, so the list's newest-first order is the order they were made.
    let declined = requested(&t, &CLINIC, "家醫科").await;
    let answer = t
        .client
        .answer_video_visit(&token, &declined, VideoVisitAnswer::Decline)
        .await
        .unwrap();
    assert_eq!(answer.state, VideoVisitState::Declined);
    assert_eq!(
        clinic_view(&t, &declined).await.state,
        VideoVisitState::Declined
    );
    let (code, body) = clinic.cancel_video_visit(&CLINIC, &declined).await;
    assert_eq!(
        (code, body["code"].as_str()),
        (409, Some("video_visit_answered"))
    );

    t.clock.advance(Duration::minutes(1));
    let cancelled = requested(&t, &CLINIC, "小兒科").await;
    let (code, body) = clinic.cancel_video_visit(&CLINIC, &cancelled).await;
    assert_eq!((code, body["state"].as_str()), (200, Some("cancelled")));
    let late = t
        .client
        .answer_video_visit(&token, &cancelled, VideoVisitAnswer::Allow)
        .await;
    assert_eq!(problem_code(late), ProblemCode::VideoVisitCancelled);

    t.clock.advance(Duration::minutes(1));
    let expired = requested(&t, &CLINIC, "家醫科").await;
    t.clock.advance(Duration::minutes(10));
    assert_eq!(
        clinic_view(&t, &expired).await.state,
        VideoVisitState::Expired
    );
    let late = t
        .client
        .answer_video_visit(&token, &expired, VideoVisitAnswer::Allow)
        .await;
    assert_eq!(problem_code(late), ProblemCode::VideoVisitExpired);
    let (code, body) = clinic.cancel_video_visit(&CLINIC, &expired).await;
    assert_eq!(
        (code, body["code"].as_str()),
        (410, Some("video_visit_expired"))
    );

    // The app lists all three with how each ended; nothing was used.
    let states: Vec<(String, VideoVisitState)> = listed(&t, &token)
        .await
        .into_iter()
        .map(|r| (r.request_id, r.state))
        .collect();
    assert_eq!(
        states,
        vec![
            (expired, VideoVisitState::Expired),
            (cancelled, VideoVisitState::Cancelled),
            (declined, VideoVisitState::Declined),
        ]
    );
    assert!(t.client.card_uses(&token).await.unwrap().is_empty());
    // Half an hour after ending they leave the list.
    t.clock.advance(Duration::minutes(31));
    assert!(listed(&t, &token).await.is_empty());
}

/// (the clinic's cards, ID, department, visit time, the status and code expected).
type BadRequest<'a> = (
    &'a [(&'a str, &'a str)],
    &'a str,
    &'a str,
    DateTime<Utc>,
    u16,
    &'a str,
);

/// A valid ID number nobody in the records holds.
fn unknown_id() -> String {
    (0..10)
        .map(|check| format!("C12345678{check}"))
        .find(|id| nhi_core::domain::IdNumber::parse(id).is_ok())
        .expect("one check digit fits")
}

#[tokio::test]
async fn a_request_names_nobody_before_consent_and_every_id_answers_alike() {
    let t = TestBackend::spawn().await;
    let token = holder(&t).await;
    let clinic = Clinic::new(&t);
    // A card holder, a person without a card, an ID nobody holds: the same answer.
    let unknown = unknown_id();
    let mut shapes = Vec::new();
    let mut holders_request = String::new();
    for id in [ADULT_ID, PARENT_ID, unknown.as_str()] {
        let (status, body) = clinic
            .request_video_visit(&CLINIC, id, "家醫科", soon(&t))
            .await;
        assert_eq!(status, 201, "{id}: {body}");
        let text = body.to_string();
        for name in [ADULT_NAME, "王陳美玉"] {
            assert!(!text.contains(name), "{id}: a name before consent: {text}");
        }
        assert!(body["patient_name"].is_null(), "{body}");
        assert_eq!(
            body["patient_id"].as_str(),
            Some(format!("{}****{}", &id[..3], &id[7..]).as_str())
        );
        if id == ADULT_ID {
            holders_request = body["request_id"].as_str().unwrap().to_owned();
        }
        let mut shape = body.clone();
        for varies in ["request_id", "patient_id"] {
            shape.as_object_mut().unwrap().remove(varies);
        }
        shapes.push(shape);
    }
    assert_eq!(
        shapes[0], shapes[1],
        "a person without a card answers alike"
    );
    assert_eq!(shapes[0], shapes[2], "an unknown ID answers alike");
    // A second request for the unknown ID is "already open" as for anyone else.
    let (status, body) = clinic
        .request_video_visit(&CLINIC, &unknown, "家醫科", soon(&t))
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("video_visit_open"))
    );
    // Still nameless while pending; named once the person allows.
    assert_eq!(clinic_view(&t, &holders_request).await.patient_name, None);
    t.client
        .answer_video_visit(&token, &holders_request, VideoVisitAnswer::Allow)
        .await
        .unwrap();
    let allowed = clinic_view(&t, &holders_request).await;
    assert_eq!(allowed.patient_name.as_deref(), Some(ADULT_NAME));
    // Nobody answers for the unknown ID: it expires like any unanswered request.
    t.clock.advance(Duration::minutes(11));
    let (_, recent) = clinic
        .call(
            reqwest::Method::GET,
            "/institution/video-visits",
            &CLINIC,
            None,
        )
        .await;
    let unknowns_state = recent
        .as_array()
        .unwrap()
        .iter()
        .find(|r| {
            r["patient_id"]
                .as_str()
                .is_some_and(|p| p.starts_with("C12"))
        })
        .map(|r| r["state"].clone());
    assert_eq!(
        unknowns_state,
        Some(serde_json::json!("expired")),
        "{recent}"
    );
}

#[tokio::test]
async fn bad_requests_are_refused_and_change_nothing() {
    let t = TestBackend::spawn().await;
    let token = holder(&t).await;
    let clinic = Clinic::new(&t);
    let at = soon(&t);
    let cases: [BadRequest; 5] = [
        (
            &CLINIC,
            "A123456788",
            "家醫科",
            at,
            422,
            "invalid_id_number",
        ),
        (&CLINIC, ADULT_ID, "牙科", at, 422, "invalid_video_visit"),
        (
            &CLINIC,
            ADULT_ID,
            "家醫科",
            at + Duration::days(3),
            422,
            "invalid_video_visit",
        ),
        (&DENTIST, ADULT_ID, "牙科", at, 403, "not_in_programme"),
        (&[], ADULT_ID, "家醫科", at, 401, "institution_credentials"),
    ];
    for (headers, id, department, when, want, code) in cases {
        let (status, body) = clinic
            .request_video_visit(headers, id, department, when)
            .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (want, Some(code)),
            "{id} {department}: {body}"
        );
    }
    let long = serde_json::json!({
        "id_number": ADULT_ID, "department": "家醫科", "scheduled_at": at,
        "message": "字".repeat(101),
    });
    let (status, body) = clinic
        .call(
            reqwest::Method::POST,
            "/institution/video-visits",
            &CLINIC,
            Some(long),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (422, Some("invalid_video_visit"))
    );
    assert!(listed(&t, &token).await.is_empty());
    // Another institution's request cannot be read or cancelled.
    let id = requested(&t, &CLINIC, "家醫科").await;
    assert_eq!(clinic.video_visit(&HOSPITAL, &id).await.0, 404);
    assert_eq!(clinic.cancel_video_visit(&HOSPITAL, &id).await.0, 404);
    assert_eq!(clinic_view(&t, &id).await.state, VideoVisitState::Pending);
}

#[tokio::test]
async fn one_open_request_per_clinic_and_person_and_a_rate_against_nagging() {
    let t = TestBackend::spawn().await;
    let token = holder(&t).await;
    let clinic = Clinic::new(&t);
    let first = requested(&t, &CLINIC, "家醫科").await;
    let (status, body) = clinic
        .request_video_visit(&CLINIC, ADULT_ID, "家醫科", soon(&t))
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (409, Some("video_visit_open"))
    );
    // Another institution may ask at the same time.
    requested(&t, &HOSPITAL, "內科").await;
    assert_eq!(listed(&t, &token).await.len(), 2);
    // After the first ends, the clinic may ask again — three times an hour (the refused one
    // counted), not a fourth.
    clinic.cancel_video_visit(&CLINIC, &first).await;
    let third = requested(&t, &CLINIC, "家醫科").await;
    clinic.cancel_video_visit(&CLINIC, &third).await;
    let (status, body) = clinic
        .request_video_visit(&CLINIC, ADULT_ID, "家醫科", soon(&t))
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (429, Some("too_many_attempts"))
    );
    assert!(body["retry_after_seconds"].as_u64().unwrap() > 0);
    t.clock.advance(Duration::minutes(61));
    requested(&t, &CLINIC, "家醫科").await;
}

#[tokio::test]
async fn a_burst_of_64_requests_makes_one_and_lets_three_through() {
    let t = TestBackend::spawn().await;
    let token = holder(&t).await;
    let at = soon(&t);
    let burst = (0..64).map(|_| {
        let clinic = Clinic::new(&t);
        async move {
            clinic
                .request_video_visit(&CLINIC, ADULT_ID, "家醫科", at)
                .await
                .0
        }
    });
    let mut statuses = futures_util::future::join_all(burst).await;
    statuses.sort();
    let created = statuses.iter().filter(|s| **s == 201).count();
    assert_eq!(created, 1, "{statuses:?}");
    assert!(
        statuses.iter().all(|s| [201, 409, 429].contains(s)),
        "{statuses:?}"
    );
    // The clinic's three requests an hour to one person hold under the burst.
    let let_through = statuses.iter().filter(|s| **s != 429).count();
    assert_eq!(let_through, 3, "{statuses:?}");
    assert_eq!(listed(&t, &token).await.len(), 1);
}

#[tokio::test]
async fn allowing_twice_at_once_uses_the_card_once() {
    let t = TestBackend::spawn().await;
    let token = holder(&t).await;
    let id = requested(&t, &CLINIC, "家醫科").await;
    let answers = (0..16).map(|_| {
        t.client
            .answer_video_visit(&token, &id, VideoVisitAnswer::Allow)
    });
    let results = futures_util::future::join_all(answers).await;
    let allowed = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(allowed, 1);
    for r in results.into_iter().filter(|r| r.is_err()) {
        assert_eq!(problem_code(r), ProblemCode::VideoVisitAnswered);
    }
    let uses = t.client.card_uses(&token).await.unwrap();
    assert_eq!(uses.len(), 1);
    let v = clinic_view(&t, &id).await.verification.unwrap();
    assert_eq!(v.visit_sequence, "V001");
}

#[tokio::test]
async fn allow_and_cancel_at_once_end_one_way() {
    let t = TestBackend::spawn().await;
    let token = holder(&t).await;
    let mut uses_so_far = 0;
    // Three rounds: as many requests as a clinic may send one person in an hour.
    for round in 0..3 {
        let id = requested(&t, &CLINIC, "家醫科").await;
        let clinic = Clinic::new(&t);
        let allows = futures_util::future::join_all((0..8).map(|_| {
            t.client
                .answer_video_visit(&token, &id, VideoVisitAnswer::Allow)
        }));
        let cancels =
            futures_util::future::join_all((0..8).map(|_| clinic.cancel_video_visit(&CLINIC, &id)));
        let (allows, cancels) = tokio::join!(allows, cancels);
        let allowed = allows.iter().filter(|r| r.is_ok()).count();
        let cancelled = cancels.iter().filter(|(s, _)| *s == 200).count();
        assert_eq!(allowed + cancelled, 1, "round {round}: exactly one wins");
        let end = clinic_view(&t, &id).await;
        uses_so_far += allowed;
        if allowed == 1 {
            assert_eq!(end.state, VideoVisitState::Allowed);
            assert!(end.verification.is_some());
        } else {
            assert_eq!(end.state, VideoVisitState::Cancelled);
            assert!(end.verification.is_none());
        }
        let uses = t.client.card_uses(&token).await.unwrap().len();
        assert_eq!(uses, uses_so_far, "round {round}: a use only when allowed");
    }
}

#[tokio::test]
async fn allow_after_expiry_changes_nothing() {
    let t = TestBackend::spawn().await;
    let token = holder(&t).await;
    let id = requested(&t, &CLINIC, "家醫科").await;
    t.clock.advance(Duration::seconds(599));
    let visible = listed(&t, &token).await;
    assert_eq!(visible[0].state, VideoVisitState::Pending);
    t.clock.advance(Duration::seconds(1));
    let late = t
        .client
        .answer_video_visit(&token, &id, VideoVisitAnswer::Allow)
        .await;
    assert_eq!(problem_code(late), ProblemCode::VideoVisitExpired);
    assert!(t.client.card_uses(&token).await.unwrap().is_empty());
    assert_eq!(clinic_view(&t, &id).await.state, VideoVisitState::Expired);
}

#[tokio::test]
async fn a_delegate_allows_for_the_holder_and_both_records_say_so() {
    let t = TestBackend::spawn().await;
    let (adult, parent) = with_cards(&t).await;
    let id = requested(&t, &CLINIC, "家醫科").await;
    // Without an authorization the parent neither sees nor answers the request.
    assert!(listed(&t, &parent.token).await.is_empty());
    let stranger = t
        .client
        .answer_video_visit(&parent.token, &id, VideoVisitAnswer::Allow)
        .await;
    assert_eq!(problem_code(stranger), ProblemCode::NotFound);

    let authorization = authorized_for_a_month(&t, &adult.token, &parent.token).await;
    let shown = listed(&t, &parent.token).await;
    assert_eq!(shown.len(), 1);
    assert!(shown[0].for_holder);
    assert_eq!(shown[0].holder.name, ADULT_NAME);
    let allowed = t
        .client
        .answer_video_visit(&parent.token, &id, VideoVisitAnswer::Allow)
        .await
        .unwrap();
    assert_eq!(allowed.answered_by.unwrap().name, "王陳美玉");

    let end = clinic_view(&t, &id).await;
    let v = end.verification.unwrap();
    assert!(v.presented_by_delegate);
    assert_eq!(v.delegate.unwrap().name, "王陳美玉");
    assert_eq!(end.answered_by_delegate.unwrap().name, "王陳美玉");
    // The holder's records: the card's uses and the authorization's.
    let uses = t.client.card_uses(&adult.token).await.unwrap();
    assert_eq!(uses.len(), 1);
    assert!(uses[0].video_visit);
    assert_eq!(uses[0].delegate.as_ref().unwrap().name, "王陳美玉");
    let list = t.client.authorizations(&adult.token).await.unwrap();
    let granted = list
        .granted
        .iter()
        .find(|a| a.id == authorization.id)
        .unwrap();
    assert_eq!(granted.uses.len(), 1);
    assert!(granted.uses[0].video_visit);
    assert_eq!(granted.uses[0].institution, "好心家庭醫學科診所");
    // The holder sees who answered.
    let seen = listed(&t, &adult.token).await;
    assert_eq!(seen[0].answered_by.as_ref().unwrap().name, "王陳美玉");

    // Once the authorization is cancelled the delegate no longer answers.
    t.clock.advance(Duration::minutes(61));
    let next = requested(&t, &CLINIC, "家醫科").await;
    t.client
        .cancel_authorization(&adult.token, authorization.id)
        .await
        .unwrap();
    let gone = t
        .client
        .answer_video_visit(&parent.token, &next, VideoVisitAnswer::Allow)
        .await;
    assert_eq!(problem_code(gone), ProblemCode::NotFound);
}

#[tokio::test]
async fn the_institution_lists_its_own_recent_requests_without_verifications() {
    let t = TestBackend::spawn().await;
    let token = holder(&t).await;
    let clinic = Clinic::new(&t);
    let allowed = requested(&t, &CLINIC, "家醫科").await;
    t.client
        .answer_video_visit(&token, &allowed, VideoVisitAnswer::Allow)
        .await
        .unwrap();
    t.clock.advance(Duration::minutes(1));
    let pending = requested(&t, &CLINIC, "小兒科").await;
    requested(&t, &HOSPITAL, "內科").await;

    let list = |headers: &'static [(&'static str, &'static str)]| {
        let clinic = &clinic;
        async move {
            let (status, body) = clinic
                .call(
                    reqwest::Method::GET,
                    "/institution/video-visits",
                    headers,
                    None,
                )
                .await;
            assert_eq!(status, 200, "{body}");
            serde_json::from_value::<Vec<VideoVisitStatus>>(body).unwrap()
        }
    };
    let mine = list(&CLINIC).await;
    let ids: Vec<(&str, VideoVisitState)> = mine
        .iter()
        .map(|s| (s.request_id.as_str(), s.state))
        .collect();
    assert_eq!(
        ids,
        vec![
            (pending.as_str(), VideoVisitState::Pending),
            (allowed.as_str(), VideoVisitState::Allowed),
        ],
        "newest first, only this institution's"
    );
    assert!(
        mine.iter().all(|s| s.verification.is_none()),
        "no photos in a list"
    );
    assert_eq!(list(&HOSPITAL).await.len(), 1);
    let (status, _) = clinic
        .call(reqwest::Method::GET, "/institution/video-visits", &[], None)
        .await;
    assert_eq!(status, 401);
    // Half an hour after it ended a request leaves the list; a pending one stays until then.
    t.clock.advance(Duration::minutes(30));
    let later: Vec<String> = list(&CLINIC)
        .await
        .into_iter()
        .map(|s| s.request_id)
        .collect();
    assert_eq!(
        later,
        vec![pending.clone()],
        "the allowed one ended 31 minutes ago"
    );
}
