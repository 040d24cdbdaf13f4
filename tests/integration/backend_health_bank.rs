//! My Health Bank over real TLS: request, processing, ready; one request a day; pages; only
//! the owner's records.

use crate::support;

use chrono::Duration;
use nhi_client::client::ClientError;
use nhi_core::api::ProblemCode;
use nhi_core::domain::health_bank::{Category, Field};
use support::*;

fn code(result: Result<impl std::fmt::Debug, ClientError>) -> ProblemCode {
    match result {
        Err(ClientError::Problem(p)) => p.code,
        other => panic!("expected a problem, got {other:?}"),
    }
}

async fn spawn() -> TestBackend {
    TestBackend::spawn_with(|s| s.health_bank_delay = 5).await
}

#[tokio::test]
async fn a_request_is_processed_then_every_category_is_counted() {
    let t = spawn().await;
    let token = t.signed_in_adult().await.token;
    let overview = t.client.health_overview(&token).await.unwrap();
    assert!(overview.last_request.is_none());

    let request = t.client.request_health_data(&token).await.unwrap();
    assert!(!request.ready);
    assert_eq!(
        request.ready_at - request.requested_at,
        Duration::seconds(5)
    );
    let overview = t.client.health_overview(&token).await.unwrap();
    assert!(!overview.last_request.unwrap().ready);
    assert!(
        overview.categories.is_empty(),
        "nothing to browse while processing"
    );
    assert_eq!(
        code(
            t.client
                .health_records(&token, Category::Outpatient, 0)
                .await
        ),
        ProblemCode::StillProcessing
    );

    t.clock.advance(Duration::seconds(5));
    let overview = t.client.health_overview(&token).await.unwrap();
    assert!(overview.last_request.unwrap().ready);
    // The manual's three classes: insurance billing, payments and the medical records.
    assert_eq!(overview.categories.len(), 10);
    let count = |c: Category| {
        overview
            .categories
            .iter()
            .find(|x| x.category == c)
            .unwrap()
            .count
    };
    assert_eq!(count(Category::Outpatient), 45);
    assert_eq!(count(Category::Inpatient), 0, "no data");
    assert_eq!(count(Category::Premiums), 12);
    assert_eq!(count(Category::Enrolment), 1);
    assert_eq!(count(Category::PremiumCalculation), 2);
    let enrolment = t
        .client
        .health_records(&token, Category::Enrolment, 0)
        .await
        .unwrap();
    assert!(
        enrolment.records[0].title.contains("好心科技"),
        "{enrolment:?}"
    );
}

#[tokio::test]
async fn records_come_in_pages_and_open_in_detail() {
    let t = spawn().await;
    let token = t.signed_in_adult().await.token;
    t.client.request_health_data(&token).await.unwrap();
    t.clock.advance(Duration::seconds(5));
    let first = t
        .client
        .health_records(&token, Category::Outpatient, 0)
        .await
        .unwrap();
    assert_eq!(first.records.len(), 20);
    assert_eq!(first.next_page, Some(1));
    assert!(
        first.records.windows(2).all(|w| w[0].date >= w[1].date),
        "newest first"
    );
    let last = t
        .client
        .health_records(&token, Category::Outpatient, 2)
        .await
        .unwrap();
    assert_eq!(last.records.len(), 5);
    assert_eq!(last.next_page, None);

    let detail = t
        .client
        .health_record(&token, first.records[0].id)
        .await
        .unwrap();
    let fields: Vec<Field> = detail.fields.iter().map(|(field, _)| *field).collect();
    assert_eq!(
        fields,
        [
            Field::Institution,
            Field::Department,
            Field::Diagnosis,
            Field::Medications,
            Field::NhiPoints
        ]
    );
}

#[tokio::test]
async fn one_request_a_day() {
    let t = spawn().await;
    let token = t.signed_in_adult().await.token;
    t.client.request_health_data(&token).await.unwrap();
    assert_eq!(
        code(t.client.request_health_data(&token).await),
        ProblemCode::AlreadyRequestedToday
    );
    t.clock.advance(Duration::hours(24));
    let token = t.signed_in_adult().await.token;
    t.client.request_health_data(&token).await.unwrap();
}

#[tokio::test]
async fn another_persons_records_are_refused() {
    let t = spawn().await;
    let parent = t
        .bind_by_phone("A223456781", "6781", "0922333444", "Mei#1946ok", &device(2))
        .await;
    let parent_token = parent.session.unwrap().token;
    t.client.request_health_data(&parent_token).await.unwrap();
    let adult = t.signed_in_adult().await.token;
    t.client.request_health_data(&adult).await.unwrap();
    t.clock.advance(Duration::seconds(5));
    let theirs = t
        .client
        .health_records(&parent_token, Category::Allergies, 0)
        .await
        .unwrap();
    assert_eq!(theirs.records.len(), 1);
    assert_eq!(
        code(t.client.health_record(&adult, theirs.records[0].id).await),
        ProblemCode::NotFound
    );
    assert!(t.client.health_overview("not-a-session").await.is_err());
}

#[tokio::test]
async fn a_delegate_under_an_authorization_cannot_read_the_grantors_records() {
    use support::family::{authorized_for_a_month, with_cards};

    let t = spawn().await;
    let (adult, parent) = with_cards(&t).await;
    let (adult, parent) = (adult.token, parent.token);
    authorized_for_a_month(&t, &adult, &parent).await;

    t.client.request_health_data(&adult).await.unwrap();
    t.client.request_health_data(&parent).await.unwrap();
    t.clock.advance(Duration::seconds(5));
    let adults = t
        .client
        .health_records(&adult, Category::Outpatient, 0)
        .await
        .unwrap();
    // The authorization lets the parent show the adult's card, not read the adult's records.
    assert_eq!(
        code(t.client.health_record(&parent, adults.records[0].id).await),
        ProblemCode::NotFound
    );
    let own = t.client.health_overview(&parent).await.unwrap();
    let outpatient = own
        .categories
        .iter()
        .find(|c| c.category == Category::Outpatient)
        .unwrap();
    assert_eq!(
        outpatient.count, 30,
        "the parent sees only the parent's own records"
    );
}
