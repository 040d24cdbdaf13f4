//! The backend's own pages speak the app's four languages: the browser's Accept-Language is
//! the first guess, the switch on the page decides and is remembered by a cookie, and the
//! mails and the counter's refusals read in the chosen language.

use crate::support::TestBackend;

async fn page(t: &TestBackend, path: &str, headers: &[(&str, &str)]) -> String {
    let mut req = t.raw_http().get(format!("{}{path}", t.backend.base_url()));
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    let res = req.send().await.unwrap();
    assert_eq!(res.status(), 200, "{path}");
    res.text().await.unwrap()
}

#[tokio::test]
async fn the_pages_follow_the_browser_then_the_switch() {
    let t = TestBackend::spawn().await;
    // No preference: zh-TW, with a way to English named in English.
    let zh = page(&t, "/register/login", &[]).await;
    assert!(zh.contains("<html lang=\"zh-Hant-TW\">"), "{zh}");
    assert!(zh.contains("註冊密碼"));
    assert!(!zh.contains("Registration password"));
    assert!(
        zh.contains("href=\"/lang/en?back=/register/login\""),
        "{zh}"
    );

    // An English, Indonesian or Vietnamese browser gets its own language, with the switch
    // to the other three.
    for (accept, tag, words) in [
        ("en-US,en;q=0.9", "en", "Registration password"),
        ("id-ID,id;q=0.9", "id", "Kata sandi pendaftaran"),
        ("vi", "vi", "Mật khẩu đăng ký"),
    ] {
        let html = page(&t, "/register/login", &[("accept-language", accept)]).await;
        assert!(
            html.contains(&format!("<html lang=\"{tag}\">")),
            "{accept}: {html}"
        );
        assert!(html.contains(words), "{accept}: {html}");
        assert!(!html.contains("註冊密碼"), "{accept}: {html}");
        assert_eq!(html.matches("class=\"lang-switch\"").count(), 3, "{accept}");
    }

    // The switch keeps the choice in a cookie and goes back to the same page.
    let res = t
        .raw_http()
        .get(format!("{}/lang/zh-TW?back=/counter", t.backend.base_url()))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/counter");
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("nhi_page_lang=zh-TW"), "{cookie}");
    let pair = cookie.split(';').next().unwrap();
    let counter = page(
        &t,
        "/counter",
        &[("accept-language", "en"), ("cookie", pair)],
    )
    .await;
    assert!(counter.contains("櫃檯驗證虛擬健保卡"), "{counter}");

    // Never back to another site.
    for back in [
        "//evil.example/",
        "https://evil.example/",
        "/\\evil.example",
    ] {
        let res = t
            .raw_http()
            .get(format!("{}/lang/en", t.backend.base_url()))
            .query(&[("back", back)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["location"], "/register", "{back}");
    }
    let unknown = t
        .raw_http()
        .get(format!("{}/lang/fr", t.backend.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 404);
}

#[tokio::test]
async fn the_counter_explains_a_refusal_in_the_pages_language() {
    let t = TestBackend::spawn().await;
    let submit = |lang: &'static str| {
        // The form as a browser sends it (multipart, text fields only).
        let fields = [
            ("institution_code", "3501200000"),
            ("sam_key", "wrong"),
            ("hpc_id", "HPC-DR-0002"),
            ("hpc_pin", "000000"),
            ("payload", "NHIEXPRESS:CARD:1:nothing"),
        ];
        let mut body = String::new();
        for (name, value) in fields {
            body.push_str(&format!(
                "--XYZ\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            ));
        }
        body.push_str("--XYZ--\r\n");
        let base = t.backend.base_url();
        let http = t.raw_http();
        async move {
            http.post(format!("{base}/counter"))
                .header("origin", &base)
                .header("accept-language", lang)
                .header("content-type", "multipart/form-data; boundary=XYZ")
                .body(body)
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap()
        }
    };
    let zh = submit("zh-TW").await;
    assert!(zh.contains("讀卡失敗"), "{zh}");
    assert!(!zh.contains("could not be read"));
    let en = submit("en").await;
    assert!(en.contains("The cards could not be read"), "{en}");
    assert!(!en.contains("讀卡失敗"));
}

#[tokio::test]
async fn the_help_and_the_environment_check_read_in_each_language_and_are_linked() {
    let t = TestBackend::spawn().await;
    let zh = page(&t, "/register/help", &[]).await;
    assert!(zh.contains("使用說明") && zh.contains("裝置碼認證"), "{zh}");
    let en = page(&t, "/register/help", &[("accept-language", "en")]).await;
    assert!(en.contains("How to use") && en.contains("Device code authentication"));
    let check = page(&t, "/register/check", &[("user-agent", "TestBrowser/1.0")]).await;
    assert!(check.contains("電腦環境檢測"), "{check}");
    assert!(check.contains("讀卡機服務由本後端模擬"), "{check}");
    assert!(check.contains("TestBrowser/1.0"), "{check}");
    // Every website page links both, as the manual's login page does.
    let login = page(&t, "/register/login", &[]).await;
    assert!(
        login.contains("href=\"/register/help\"") && login.contains("href=\"/register/check\"")
    );
    let script = page(&t, "/register/check.js", &[]).await;
    assert!(script.contains("cookies-result"));
}

#[tokio::test]
async fn an_indonesian_caregiver_registers_in_indonesian_and_her_mail_reads_so() {
    let t = TestBackend::spawn().await;
    let base = t.backend.base_url();
    let form = crate::support::site::new_person_form(&[]);
    let res = t
        .raw_http()
        .post(format!("{base}/register/apply"))
        .header("origin", &base)
        .header("accept-language", "id-ID,id;q=0.9")
        .form(&form)
        .send()
        .await
        .unwrap();
    let html = res.text().await.unwrap();
    assert!(html.contains("Konfirmasi e-mail Anda"), "{html}");
    let outbox = page(&t, "/outbox", &[("accept-language", "id")]).await;
    assert!(outbox.contains("Yth. 陳志豪"), "{outbox}");
    assert!(outbox.contains("Buka tautan ini dalam 5 hari"), "{outbox}");
    // The rules she agreed to read in her language too.
    let apply = page(&t, "/register/apply", &[("accept-language", "id")]).await;
    assert!(apply.contains("Saya sudah membaca dan memahami ketentuannya"));
    // A Vietnamese reader of the counter gets its refusals in Vietnamese.
    let counter = page(&t, "/counter", &[("accept-language", "vi")]).await;
    assert!(counter.contains("Xác minh Thẻ NHI ảo"), "{counter}");
}
