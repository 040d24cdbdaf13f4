//! The pages' one sign-in mechanism, at its three doors — the registration website, the
//! reviewer console and the clinic counter: a store that fails while a session is looked up
//! is answered as a failure, never as "signed out", and the session is still there after.

use crate::support::clinic::CLINIC;
use crate::support::site::Site;
use crate::support::{TestBackend, ADULT_ID, ADULT_PASSWORD};

/// The counter's form with the clinic's three cards and nothing to verify yet: the counter
/// signs in for the shift. Returns the session cookie (`name=value`).
async fn counter_cookie(t: &TestBackend) -> String {
    let mut body = String::new();
    for (header, value) in CLINIC {
        let field = header.trim_start_matches("x-").replace('-', "_");
        body.push_str(&format!(
            "--XYZ\r\nContent-Disposition: form-data; name=\"{field}\"\r\n\r\n{value}\r\n"
        ));
    }
    body.push_str("--XYZ--\r\n");
    let base = t.backend.base_url();
    let res = t
        .raw_http()
        .post(format!("{base}/counter"))
        .header("origin", &base)
        .header("content-type", "multipart/form-data; boundary=XYZ")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let set = res.headers()["set-cookie"].to_str().unwrap();
    assert!(set.starts_with("nhi_counter_session="), "{set}");
    set.split(';').next().unwrap().to_owned()
}

/// Renames the sessions table away (or back), as a store that cannot answer.
async fn move_sessions_table(t: &TestBackend, away: bool) {
    let sql = if away {
        "ALTER TABLE sessions RENAME TO sessions_away"
    } else {
        "ALTER TABLE sessions_away RENAME TO sessions"
    };
    use sqlx::Connection;
    match &t.database_url {
        Some(url) => {
            let mut conn = sqlx::PgConnection::connect(url).await.unwrap();
            sqlx::query(sql).execute(&mut conn).await.unwrap();
        }
        None => {
            let db = t.data_dir.path().join("nhi.db");
            let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{}", db.display()))
                .await
                .unwrap();
            sqlx::query(sql).execute(&mut conn).await.unwrap();
        }
    }
}

#[tokio::test]
async fn a_failing_store_is_never_read_as_signed_out_at_any_door() {
    let t = TestBackend::spawn().await;
    let mut site = Site::new(&t);
    assert_eq!(site.log_in(ADULT_ID, ADULT_PASSWORD).await, 303);
    let mut console = Site::new(&t);
    let (status, _) = console
        .post(
            "/review/login",
            &[("username", "reviewer"), ("password", "Review@2026")],
        )
        .await;
    assert_eq!(status, 303);
    let mut counter = Site::new(&t);
    counter.set_cookie(&counter_cookie(&t).await);

    // Signed in at every door.
    let signed_in = |(status, page): (u16, String), words: &str| {
        assert_eq!(status, 200, "{page}");
        assert!(page.contains(words), "{page}");
    };
    signed_in(
        site.get("/register/devices").await,
        "Mobile device management",
    );
    signed_in(console.get("/review").await, "Sign out");
    signed_in(counter.get("/counter").await, "Sign out of the counter");

    move_sessions_table(&t, true).await;
    // A page for the signed-in only does not send them to its login page, and the counter
    // (which looks different when signed in) does not show its sign-in form.
    for (door, (status, page)) in [
        ("website", site.get("/register/devices").await),
        ("reviewer console", console.get("/review").await),
        ("counter", counter.get("/counter").await),
    ] {
        assert!(
            (500..=503).contains(&status),
            "{door}: {status} (a redirect or a page is 'signed out'): {page}"
        );
        assert!(
            page.contains("\"status\""),
            "{door}: a problem document: {page}"
        );
    }

    move_sessions_table(&t, false).await;
    signed_in(
        site.get("/register/devices").await,
        "Mobile device management",
    );
    signed_in(console.get("/review").await, "Sign out");
    signed_in(counter.get("/counter").await, "Sign out of the counter");
}
