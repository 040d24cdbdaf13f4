//! Getting the adult a card (under review), as the app does: two uploads, then the application.

use nhi_core::api::{paths, CardState, CardView, SubmitApplication};

use super::images::{document, jpeg, portrait};
use super::{TestBackend, ADULT_MOBILE};

pub async fn apply_for_card(t: &TestBackend, token: &str) -> CardView {
    apply_with_photo(t, token, jpeg(&portrait(600, 800, 248), 90)).await
}

/// The same with a photo of the test's choosing.
pub async fn apply_with_photo(t: &TestBackend, token: &str, photo: Vec<u8>) -> CardView {
    let doc = t
        .client
        .upload_image(token, paths::DOCUMENT_UPLOADS, document())
        .await
        .unwrap();
    let photo = t
        .client
        .upload_image(token, paths::PHOTO_UPLOADS, photo)
        .await
        .unwrap();
    t.client
        .apply_for_card(
            token,
            &SubmitApplication {
                accepted_terms: true,
                document_upload: doc.upload_id,
                photo_upload: photo.upload_id,
                contact_phone: ADULT_MOBILE.into(),
                email: "wang@example.tw".into(),
            },
        )
        .await
        .unwrap()
}

/// The reviewer approves the application with this number in the console.
pub async fn approve(t: &TestBackend, number: i64) {
    let mut console = super::site::reviewer_console(t).await;
    let (status, _) = console
        .post(
            &format!("/review/applications/{number}/decision"),
            &[("decision", "approve")],
        )
        .await;
    assert_eq!(status, 303, "application {number} approved");
}

/// Applies and has the card approved: what authorizing and being authorized need.
pub async fn approved_card(t: &TestBackend, token: &str) -> CardView {
    let view = apply_for_card(t, token).await;
    approve(t, view.application.as_ref().expect("applied").number).await;
    t.client.card(token).await.unwrap()
}

/// With the demo switch on, the background job approves a due application within a tick (a
/// second): the card's state as the app sees it once it has settled on `wanted`, or after
/// ten seconds whatever it is.
pub async fn card_state_after_the_job(
    t: &TestBackend,
    token: &str,
    wanted: CardState,
) -> CardState {
    let mut state = t.client.card(token).await.unwrap().state;
    for _ in 0..100 {
        if state == wanted {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        state = t.client.card(token).await.unwrap().state;
    }
    state
}
