//! Trust under attack, round 2, against the in-process TLS backend: no use of a card commits
//! after the cancellation that should have stopped it was answered; the counter takes phone
//! photos and explains a too-large one; links back go to this site only; pages with personal
//! data are never cached.

use std::io::Cursor;

use futures_util::future::join_all;
use image::{DynamicImage, Rgb, RgbImage};
use nhi_core::api::CardState;

use crate::support;
use support::clinic::{Clinic, CLINIC};
use support::family::*;
use support::*;

/// The adult signed in with an approved photo card whose counter copy is not made yet: the
/// first verifications each make it (a heavy job), so a use takes a while between its checks
/// and its write — the window a cancellation falls into.
async fn approved_holder(t: &TestBackend) -> String {
    let token = t.signed_in_adult().await.token;
    support::card::apply_for_card(t, &token).await;
    let state = support::card::card_state_after_the_job(t, &token, CardState::Approved).await;
    assert_eq!(state, CardState::Approved, "the card was not approved");
    token
}

/// Verifies `codes` at once while `cancel` runs after a moment; the uses the holder's records
/// show the instant the cancellation was answered, the verifications that succeeded, and the
/// uses in the records once everything is over.
async fn race<F, R>(
    t: &TestBackend,
    codes: Vec<String>,
    cancel_after_ms: u64,
    cancel: F,
    uses: R,
) -> (usize, usize, usize)
where
    F: std::future::Future<Output = ()>,
    R: Fn() -> futures_util::future::BoxFuture<'static, usize>,
{
    let clinic = Clinic::new(t);
    // Sixteen connections open first (a busy clinic's HIS keeps them), so the verifications
    // reach the server at once rather than one TLS handshake after another.
    join_all((0..codes.len()).map(|_| clinic.verify(&CLINIC, "NHIEXPRESS:CARD:1:warm-up"))).await;
    let verifications = join_all(codes.iter().map(|code| clinic.verify(&CLINIC, code)));
    let cancelling = async {
        tokio::time::sleep(std::time::Duration::from_millis(cancel_after_ms)).await;
        cancel.await;
        uses().await
    };
    let (answers, at_cancel) = tokio::join!(verifications, cancelling);
    let succeeded = answers.iter().filter(|(status, _)| *status == 200).count();
    for (status, body) in &answers {
        assert!(
            [200, 403].contains(status),
            "a use or a refusal for the cancelled card: {status} {body}"
        );
    }
    (at_cancel, succeeded, uses().await)
}

#[tokio::test]
async fn no_delegates_use_commits_after_the_authorizations_cancellation_was_answered() {
    for round in 1..=3 {
        let t = TestBackend::spawn_with(|s| s.auto_approve_after = Some(0)).await;
        let adult = approved_holder(&t).await;
        let parent = parent_login(&t).await.token;
        support::card::apply_for_card(&t, &parent).await;
        let approved =
            support::card::card_state_after_the_job(&t, &parent, CardState::Approved).await;
        assert_eq!(
            approved,
            CardState::Approved,
            "the parent's card was not approved"
        );
        let view = authorized_for_a_month(&t, &adult, &parent).await;
        let mut codes = Vec::new();
        for _ in 0..16 {
            codes.push(
                t.client
                    .delegate_qr(&parent, view.id)
                    .await
                    .unwrap()
                    .payload,
            );
        }
        let client = t.client.clone();
        let holder = adult.clone();
        let uses = move || {
            let (client, holder) = (client.clone(), holder.clone());
            Box::pin(async move {
                let list = client.authorizations(&holder).await.unwrap();
                list.granted
                    .iter()
                    .find(|a| a.id == view.id)
                    .map_or(0, |a| a.uses.len())
            }) as futures_util::future::BoxFuture<'static, usize>
        };
        let cancel = async {
            t.client
                .cancel_authorization(&adult, view.id)
                .await
                .unwrap();
        };
        let (at_cancel, succeeded, in_the_end) = race(&t, codes, 5 * round, cancel, uses).await;
        println!(
            "round {round}: {succeeded} of 16 delegate uses succeeded; {at_cancel} recorded when \
             the cancellation was answered, {in_the_end} in the end"
        );
        assert_eq!(
            in_the_end, at_cancel,
            "a use committed after the cancellation"
        );
        assert_eq!(succeeded, in_the_end, "each success is one recorded use");
    }
}

#[tokio::test]
async fn no_use_commits_after_the_cards_cancellation_was_answered() {
    for round in 1..=2 {
        let t = TestBackend::spawn_with(|s| s.auto_approve_after = Some(0)).await;
        let adult = approved_holder(&t).await;
        let mut codes = Vec::new();
        for _ in 0..16 {
            codes.push(t.client.card_qr(&adult).await.unwrap().payload);
        }
        let client = t.client.clone();
        let holder = adult.clone();
        let uses = move || {
            let (client, holder) = (client.clone(), holder.clone());
            Box::pin(async move { client.card_uses(&holder).await.unwrap().len() })
                as futures_util::future::BoxFuture<'static, usize>
        };
        let cancel = async {
            t.client.cancel_card(&adult).await.unwrap();
        };
        let (at_cancel, succeeded, in_the_end) = race(&t, codes, 5 * round, cancel, uses).await;
        println!(
            "round {round}: {succeeded} of 16 uses succeeded; {at_cancel} recorded when the \
             card's cancellation was answered, {in_the_end} in the end"
        );
        assert_eq!(
            in_the_end, at_cancel,
            "a use committed after the cancellation"
        );
        assert_eq!(succeeded, in_the_end, "each success is one recorded use");
    }
}

/// A phone camera's photo of a code: `width`×`height` of textured background (JPEG keeps
/// texture big) with the QR in the middle.
fn camera_photo_of(payload: &str, width: u32, height: u32, quality: u8) -> Vec<u8> {
    let code = support::qr_corpus::render(payload, 12);
    let (ox, oy) = ((width - code.width()) / 2, (height - code.height()) / 2);
    let mut seed = 0x9e37_79b9_u32;
    let photo = RgbImage::from_fn(width, height, |x, y| {
        if (ox..ox + code.width()).contains(&x) && (oy..oy + code.height()).contains(&y) {
            let v = code.get_pixel(x - ox, y - oy)[0];
            return Rgb([v, v, v]);
        }
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let n = (seed % 96) as u8;
        Rgb([120 + n, 110 + n / 2, 100 + n / 3])
    });
    let mut out = Cursor::new(Vec::new());
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
        .encode_image(&DynamicImage::ImageRgb8(photo))
        .unwrap();
    out.into_inner()
}

/// The counter's form as a browser sends it, with the photo.
async fn counter_with_photo(t: &TestBackend, lang: &str, photo: &[u8]) -> (u16, String) {
    let mut body = Vec::new();
    for (name, value) in CLINIC.iter().map(|(k, v)| {
        let field = match *k {
            "x-institution-code" => "institution_code",
            "x-sam-key" => "sam_key",
            "x-hpc-id" => "hpc_id",
            _ => "hpc_pin",
        };
        (field, *v)
    }) {
        body.extend_from_slice(
            format!("--XYZ\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    }
    body.extend_from_slice(
        b"--XYZ\r\nContent-Disposition: form-data; name=\"image\"; filename=\"IMG_0001.jpg\"\r\n\
          Content-Type: image/jpeg\r\n\r\n",
    );
    body.extend_from_slice(photo);
    body.extend_from_slice(b"\r\n--XYZ--\r\n");
    let base = t.backend.base_url();
    let res = t
        .raw_http()
        .post(format!("{base}/counter"))
        .header("origin", &base)
        .header("accept-language", lang)
        .header("content-type", "multipart/form-data; boundary=XYZ")
        .body(body)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

#[tokio::test]
async fn the_counter_takes_a_phone_photo_and_explains_one_too_large() {
    let t = TestBackend::spawn().await;
    let token = t.signed_in_adult().await.token;
    support::card::apply_for_card(&t, &token).await;
    let code = t.client.card_qr(&token).await.unwrap();
    let photo = camera_photo_of(&code.payload, 2400, 1800, 97);
    assert!(
        photo.len() > 4 * 1024 * 1024,
        "a phone camera's size: {} bytes",
        photo.len()
    );
    let (status, page) = counter_with_photo(&t, "zh-TW", &photo).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains(ADULT_NAME), "the patient verified: {page}");

    // Over the scanner's 15 MB: the counter's own page, in the clerk's language.
    let huge = vec![0xFF_u8; 20 * 1024 * 1024];
    let (status, page) = counter_with_photo(&t, "zh-TW", &huge).await;
    assert_eq!(status, 413);
    assert!(
        page.contains("<html lang=\"zh-Hant-TW\">") || page.contains("lang=\"zh"),
        "{page}"
    );
    assert!(page.contains("照片超過 15 MB"), "{page}");
    let (status, page) = counter_with_photo(&t, "en", &huge).await;
    assert_eq!(status, 413);
    assert!(page.contains("larger than 15 MB"), "{page}");
}

#[tokio::test]
async fn links_back_from_the_language_switch_stay_on_this_site() {
    let t = TestBackend::spawn().await;
    let http = t.raw_http();
    let base = t.backend.base_url();
    // As a browser sends them (percent-encoded), and as an attacker writes them.
    for query in [
        "back=/%09/evil.example",
        "back=/%0d%0a/evil.example",
        "back=/%0a/evil.example",
        "back=/%5Cevil.example",
        "back=/\\evil.example",
        "back=%2F%2Fevil.example",
        "back=/%20/evil.example",
        "back=https:%2F%2Fevil.example",
    ] {
        let res = http
            .get(format!("{base}/lang/en?{query}"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{query}");
        assert_eq!(res.headers()["location"], "/register", "{query}");
    }
    let res = http
        .get(format!(
            "{base}/lang/en?back=/register/apply%3Fmethod%3Dcard"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["location"], "/register/apply?method=card");
}

#[tokio::test]
async fn pages_with_personal_data_are_never_cached() {
    let t = TestBackend::spawn().await;
    let http = t.raw_http();
    let base = t.backend.base_url();
    for path in [
        "/register",
        "/register/login",
        "/register/devices",
        "/review/login",
        "/counter",
        "/counter/video-visits/unknown",
        "/outbox",
    ] {
        let res = http.get(format!("{base}{path}")).send().await.unwrap();
        assert_eq!(
            res.headers()
                .get("cache-control")
                .map(|v| v.to_str().unwrap()),
            Some("no-store"),
            "{path}"
        );
    }
}
