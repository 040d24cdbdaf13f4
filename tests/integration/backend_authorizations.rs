//! Authorizing others over real TLS: offers, redemption by the named grantee only, attempt
//! limits, one-time and 5-minute codes, concurrency, the delegate's card QR, use records,
//! cancellation and the end date.

use crate::support;

use chrono::Duration;
use nhi_client::client::ClientError;
use nhi_core::api::{
    AuthorizationState, CreateAuthorization, ProblemCode, QrState, RedeemAuthorization,
};
use nhi_core::domain::Clock;
use support::clinic::*;
use support::family::*;
use support::*;

/// The adult (grantor) and the elderly parent (grantee), both signed in with cards.
async fn family(t: &TestBackend) -> (String, String) {
    let (adult, parent) = with_cards(t).await;
    (adult.token, parent.token)
}

#[tokio::test]
async fn the_named_grantee_redeems_by_code_and_both_sides_see_it() {
    let t = TestBackend::spawn().await;
    let (adult, parent) = family(&t).await;
    let offer = t
        .client
        .authorize(&adult, &a_month(PARENT_ID))
        .await
        .unwrap();
    assert_eq!(offer.code.len(), 6);
    assert!(offer.qr_payload.starts_with("NHIEXPRESS:AUTHORIZATION:1:"));
    assert_eq!(offer.expires_at - t.clock.now(), Duration::minutes(5));

    // Only the person named can redeem it.
    assert_eq!(
        problem_code(
            t.client
                .redeem_authorization(&adult, &by_code(ADULT_ID, &offer.code))
                .await
        ),
        ProblemCode::NotTheGrantee
    );
    let view = t
        .client
        .redeem_authorization(&parent, &by_code(ADULT_ID, &offer.code))
        .await
        .unwrap();
    assert_eq!(view.state, AuthorizationState::Active);
    assert_eq!(view.grantor.name, ADULT_NAME);
    // One-time.
    assert_eq!(
        problem_code(
            t.client
                .redeem_authorization(&parent, &by_code(ADULT_ID, &offer.code))
                .await
        ),
        ProblemCode::OfferInvalid
    );

    let mine = t.client.authorizations(&parent).await.unwrap();
    assert_eq!(mine.allowed.len(), 1);
    let theirs = t.client.authorizations(&adult).await.unwrap();
    assert_eq!(theirs.granted.len(), 1);
    assert_eq!(theirs.granted[0].grantee.name, "王陳美玉");
}

#[tokio::test]
async fn the_offer_lasts_five_minutes() {
    let t = TestBackend::spawn().await;
    let (adult, parent) = family(&t).await;
    let offer = t
        .client
        .authorize(&adult, &a_month(PARENT_ID))
        .await
        .unwrap();
    t.clock.advance(Duration::minutes(5));
    assert_eq!(
        problem_code(
            t.client
                .redeem_authorization(&parent, &by_code(ADULT_ID, &offer.code))
                .await
        ),
        ProblemCode::OfferInvalid
    );
}

#[tokio::test]
async fn guessing_the_code_is_locked_out_long_before_it_could_succeed() {
    let t = TestBackend::spawn().await;
    let (adult, parent) = family(&t).await;
    let offer = t
        .client
        .authorize(&adult, &a_month(PARENT_ID))
        .await
        .unwrap();
    let wrong = if offer.code == "000000" {
        "000001"
    } else {
        "000000"
    };
    for left in (1..=4).rev() {
        let err = t
            .client
            .redeem_authorization(&parent, &by_code(ADULT_ID, wrong))
            .await
            .unwrap_err();
        let ClientError::Problem(p) = err else {
            panic!()
        };
        assert_eq!(
            (p.code, p.attempts_left),
            (ProblemCode::CodeInvalid, Some(left))
        );
    }
    assert_eq!(
        problem_code(
            t.client
                .redeem_authorization(&parent, &by_code(ADULT_ID, wrong))
                .await
        ),
        ProblemCode::TooManyAttempts
    );
    assert_eq!(
        problem_code(
            t.client
                .redeem_authorization(&parent, &by_code(ADULT_ID, &offer.code))
                .await
        ),
        ProblemCode::TooManyAttempts
    );
    t.clock.advance(Duration::minutes(15));
    // The offer itself was voided after a few wrong codes: the right one no longer works.
    let late = t
        .client
        .redeem_authorization(&parent, &by_code(ADULT_ID, &offer.code))
        .await;
    assert!(matches!(
        problem_code(late),
        ProblemCode::CodeInvalid | ProblemCode::OfferInvalid
    ));
}

#[tokio::test]
async fn concurrent_redemptions_of_one_qr_succeed_once() {
    let t = TestBackend::spawn().await;
    let (adult, parent) = family(&t).await;
    let offer = t
        .client
        .authorize(&adult, &a_month(PARENT_ID))
        .await
        .unwrap();
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let client = t.client.clone();
            let token = parent.clone();
            let qr = offer.qr_payload.clone();
            tokio::spawn(async move {
                client
                    .redeem_authorization(
                        &token,
                        &RedeemAuthorization {
                            qr_payload: Some(qr),
                            ..Default::default()
                        },
                    )
                    .await
                    .is_ok()
            })
        })
        .collect();
    let mut wins = 0;
    for task in tasks {
        wins += usize::from(task.await.unwrap());
    }
    assert_eq!(wins, 1);
}

#[tokio::test]
async fn a_card_under_review_can_neither_authorize_nor_be_authorized() {
    // 授權人及被授權人皆須完成虛擬健保卡申請且通過審核 (the manual).
    let t = TestBackend::spawn().await;
    let adult = t.signed_in_adult().await.token;
    let mine = support::card::apply_for_card(&t, &adult).await;
    let parent = parent_login(&t).await.token;
    support::card::approved_card(&t, &parent).await;
    // The holder's own card still under review.
    assert_eq!(
        problem_code(t.client.authorize(&adult, &a_month(PARENT_ID)).await),
        ProblemCode::CardNotApproved
    );
    support::card::approve(&t, mine.application.unwrap().number).await;
    let offer = t
        .client
        .authorize(&adult, &a_month(PARENT_ID))
        .await
        .unwrap();
    // The grantee's card withdrawn and applied for again: under review, she cannot take it up,
    // nor be authorized anew, and the refusal says whose card it is.
    t.client.cancel_card(&parent).await.unwrap();
    support::card::apply_for_card(&t, &parent).await;
    assert_eq!(
        problem_code(
            t.client
                .redeem_authorization(&parent, &by_code(ADULT_ID, &offer.code))
                .await
        ),
        ProblemCode::CardNotApproved
    );
    assert_eq!(
        problem_code(t.client.authorize(&adult, &a_month(PARENT_ID)).await),
        ProblemCode::OtherCardNotApproved
    );
    // Nothing was taken up.
    let list = t.client.authorizations(&adult).await.unwrap();
    let all = list.granted.iter().chain(&list.allowed);
    assert!(all.clone().count() >= 1);
    assert!(all
        .into_iter()
        .all(|a| a.state == AuthorizationState::Pending));
}

#[tokio::test]
async fn both_sides_need_a_card_and_the_period_is_checked() {
    let t = TestBackend::spawn().await;
    let (adult, _) = family(&t).await;
    assert_eq!(
        problem_code(t.client.authorize(&adult, &a_month("A135792469")).await),
        ProblemCode::GranteeHasNoCard
    );
    let past = CreateAuthorization {
        starts_on: day(2026, 11, 1),
        ..a_month(PARENT_ID)
    };
    assert_eq!(
        problem_code(t.client.authorize(&adult, &past).await),
        ProblemCode::InvalidPeriod
    );
    let long = CreateAuthorization {
        ends_on: day(2028, 1, 1),
        ..a_month(PARENT_ID)
    };
    assert_eq!(
        problem_code(t.client.authorize(&adult, &long).await),
        ProblemCode::InvalidPeriod
    );
}

#[tokio::test]
async fn the_delegate_shows_the_card_the_grantor_sees_the_use_and_cancelling_stops_it() {
    let t = TestBackend::spawn().await;
    let (adult, parent) = family(&t).await;
    let view = authorized_for_a_month(&t, &adult, &parent).await;

    let qr = t.client.delegate_qr(&parent, view.id).await.unwrap();
    let (status, body) = Clinic::new(&t).verify(&CLINIC, &qr.payload).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["name"], ADULT_NAME, "the grantor's identity");
    assert_eq!(body["presented_by_delegate"], true);
    assert_eq!(
        body["delegate"]["name"], "王陳美玉",
        "the clerk sees who presented it"
    );
    assert_eq!(body["delegate"]["id_number"], "A22****781");
    let seen = t.client.qr_status(&parent, &qr.qr_id).await.unwrap();
    assert_eq!(
        seen.state,
        QrState::Used,
        "the delegate's screen learns of the use"
    );
    let uses = &t.client.authorizations(&adult).await.unwrap().granted[0].uses;
    assert_eq!(uses.len(), 1);
    assert_eq!(uses[0].institution, "好心家庭醫學科診所");

    let pending = t.client.delegate_qr(&parent, view.id).await.unwrap();
    t.client
        .cancel_authorization(&adult, view.id)
        .await
        .unwrap();
    assert_eq!(
        problem_code(t.client.delegate_qr(&parent, view.id).await),
        ProblemCode::AuthorizationInactive
    );
    let shown = t.client.qr_status(&parent, &pending.qr_id).await.unwrap();
    assert_eq!(
        shown.state,
        QrState::Revoked,
        "the delegate's screen learns the code on it is dead"
    );
    let (status, _) = Clinic::new(&t).verify(&CLINIC, &pending.payload).await;
    assert_eq!(
        status, 403,
        "a code made before the cancellation stops working at once"
    );
    assert_eq!(
        t.client.authorizations(&parent).await.unwrap().allowed[0].state,
        AuthorizationState::Cancelled
    );
}

#[tokio::test]
async fn an_authorization_ends_by_itself_after_its_end_date() {
    let t = TestBackend::spawn().await;
    let (adult, parent) = family(&t).await;
    let view = authorized_for_a_month(&t, &adult, &parent).await;
    t.client.delegate_qr(&parent, view.id).await.unwrap();
    t.clock.advance(Duration::days(30));
    // A new day, a new sign-in (sessions last 2 hours).
    let parent = parent_login(&t).await.token;
    assert_eq!(
        problem_code(t.client.delegate_qr(&parent, view.id).await),
        ProblemCode::AuthorizationInactive
    );
    assert_eq!(
        t.client.authorizations(&parent).await.unwrap().allowed[0].state,
        AuthorizationState::Ended
    );
}

#[tokio::test]
async fn when_the_holder_cancels_their_own_card_the_delegate_is_told_so() {
    let t = TestBackend::spawn().await;
    let (adult, parent) = family(&t).await;
    let view = authorized_for_a_month(&t, &adult, &parent).await;
    t.client.cancel_card(&adult).await.unwrap();
    assert_eq!(
        problem_code(t.client.delegate_qr(&parent, view.id).await),
        ProblemCode::GrantorCardInvalid
    );
}
