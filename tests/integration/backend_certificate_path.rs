//! The citizen-certificate path as its own pages (健康存摺操作說明, 以自然人憑證進行裝置認證):
//! 個人健保資料網路服務作業 → certificate sign-in → 行動裝置帳號申請 → 行動裝置認證 → 產生裝置認證碼,
//! and the app binds with the code and signs in with the new password.

use crate::support;

use nhi_core::api::BindingProof;
use support::site::{Site, NEW_BIRTH, NEW_ID, NEW_NAME};
use support::*;

const NEW_CERTIFICATE: &str = "J3FKIY39UYE0BA5A";

fn certificate(serial: &str) -> Vec<(&'static str, String)> {
    vec![
        ("certificate_serial", serial.into()),
        ("name", NEW_NAME.into()),
        ("id_number", NEW_ID.into()),
        ("birth_date", NEW_BIRTH.into()),
    ]
}

fn form<'a>(fields: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

fn shown_code(html: &str) -> String {
    let marker = "id=\"device-code\">";
    let start = html.find(marker).expect("the code is shown") + marker.len();
    html[start..start + 8].to_owned()
}

#[tokio::test]
async fn certificate_sign_in_account_application_device_code_and_the_app_signs_in() {
    let t = TestBackend::spawn().await;
    let mut web = Site::new(&t);
    let (status, page) = web.get("/personal").await;
    assert_eq!(status, 200);
    assert!(page.contains("Personal NHI Data Online Services"), "{page}");
    // Signed out, the steps send back to the sign-in.
    let (status, _) = web.get("/personal/device-code").await;
    assert_eq!(status, 303);

    // A certificate that is not theirs counts down as a reader's check.
    let (status, page) = web
        .post("/personal", &form(&certificate("AAAAAAAAAAAAAAAA")))
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("role=\"alert\""), "{page}");
    assert!(web.cookie().is_none(), "not signed in");

    let (status, _) = web
        .post("/personal", &form(&certificate(NEW_CERTIFICATE)))
        .await;
    assert_eq!(status, 303);
    let (_, menu) = web.get("/personal/menu").await;
    assert!(menu.contains("Mobile device account application"), "{menu}");
    // No account yet: the device code waits for it.
    let (status, _) = web.get("/personal/device-code").await;
    assert_eq!(status, 303);

    let account = |password: &'static str, again: &'static str| {
        vec![
            ("rules_read", "yes"),
            ("password", password),
            ("password_confirm", again),
            ("mobile", "0966777888"),
            ("local_phone", ""),
            ("email", "chen@example.tw"),
        ]
    };
    let (status, page) = web
        .post(
            "/personal/mobile-account",
            &account("Chen@2026", "Chen@2027"),
        )
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("role=\"alert\""), "{page}");
    assert!(page.contains("chen@example.tw"), "typed kept: {page}");
    let (status, _) = web
        .post(
            "/personal/mobile-account",
            &account("Chen@2026", "Chen@2026"),
        )
        .await;
    assert_eq!(status, 303);
    let (_, page) = web.get("/personal/mobile-account").await;
    assert!(
        page.contains("already have a mobile device account"),
        "{page}"
    );

    let (status, page) = web.post("/personal/device-code", &[]).await;
    assert_eq!(status, 200, "{page}");
    let code = shown_code(&page);
    let bound = t
        .client
        .bind(&device(5), BindingProof::DeviceCode { code })
        .await
        .unwrap();
    assert_eq!(bound.name, NEW_NAME);
    t.login(NEW_ID, "Chen@2026", &device(5), &bound.device_key)
        .await
        .unwrap();
    // The same account on the registration website.
    let mut site = Site::new(&t);
    assert_eq!(site.log_in(NEW_ID, "Chen@2026").await, 303);
}

#[tokio::test]
async fn the_certificate_sign_in_opens_only_its_own_pages() {
    let t = TestBackend::spawn().await;
    let mut web = Site::new(&t);
    let (status, _) = web
        .post("/personal", &form(&certificate(NEW_CERTIFICATE)))
        .await;
    assert_eq!(status, 303);
    let cookie = web.cookie().unwrap().to_owned();
    assert!(cookie.starts_with("nhi_personal_session="), "{cookie}");
    // A forged cookie is nobody.
    let mut forged = Site::new(&t);
    forged.set_cookie("nhi_personal_session=forged");
    let (status, _) = forged.get("/personal/menu").await;
    assert_eq!(status, 303);
    // Signing out ends it on the server.
    let (status, _) = web.post("/personal/logout", &[]).await;
    assert_eq!(status, 303);
    let mut replay = Site::new(&t);
    replay.set_cookie(&cookie);
    let (status, _) = replay.get("/personal/menu").await;
    assert_eq!(status, 303);
}
