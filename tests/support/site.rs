//! Driving the registration website as a browser would: forms, cookies, the outbox.

use reqwest::redirect::Policy;

use super::TestBackend;

pub const NEW_ID: &str = "E124680130";
pub const NEW_NAME: &str = "陳志豪";
pub const NEW_CARD: &str = "000024680130";
pub const NEW_BIRTH: &str = "1988-04-12";
pub const NEW_PASSWORD: &str = "Chen@2026";

/// The registration form as the not-yet-registered demo person fills it in with the NHI
/// card, with some fields changed.
pub fn new_person_form<'a>(changes: &[(&'a str, &str)]) -> Vec<(&'a str, String)> {
    let mut form: Vec<(&str, String)> = [
        ("method", "card"),
        ("card_number", NEW_CARD),
        ("name", NEW_NAME),
        ("id_number", NEW_ID),
        ("birth_date", NEW_BIRTH),
        ("password", NEW_PASSWORD),
        ("password_confirm", NEW_PASSWORD),
        ("mobile", "0966777888"),
        ("email", "chen@example.tw"),
        ("rules_read", "yes"),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .collect();
    for (key, value) in changes {
        match form.iter_mut().find(|(k, _)| k == key) {
            Some(field) => field.1 = (*value).to_owned(),
            None => form.push((key, (*value).to_owned())),
        }
    }
    form
}

pub struct Site {
    http: reqwest::Client,
    base: String,
    cookie: Option<String>,
}

/// The demo reviewer signed in to the console.
pub async fn reviewer_console(t: &TestBackend) -> Site {
    let mut console = Site::new(t);
    let (status, _) = console
        .post(
            "/review/login",
            &[("username", "reviewer"), ("password", "Review@2026")],
        )
        .await;
    assert_eq!(status, 303, "the reviewer signs in");
    console
}

impl Site {
    pub fn new(t: &TestBackend) -> Self {
        Self::from_address(t, [127, 0, 0, 1].into())
    }

    /// A browser on another machine: its connections come from `local` (any 127.x address).
    /// It asks for English pages (the tests read the English words).
    pub fn from_address(t: &TestBackend, local: std::net::IpAddr) -> Self {
        let ca = std::fs::read(t.backend.ca_path()).unwrap();
        let mut english = reqwest::header::HeaderMap::new();
        english.insert("accept-language", "en-GB,en;q=0.9".parse().unwrap());
        let http = reqwest::Client::builder()
            .default_headers(english)
            .add_root_certificate(reqwest::Certificate::from_pem(&ca).unwrap())
            .redirect(Policy::none())
            .local_address(local)
            .build()
            .unwrap();
        Self {
            http,
            base: t.backend.base_url(),
            cookie: None,
        }
    }

    /// The session cookie (`name=value`) the site set, if any.
    pub fn cookie(&self) -> Option<&str> {
        self.cookie.as_deref()
    }

    /// Pretends to hold a cookie (`name=value`), as a forger would.
    pub fn set_cookie(&mut self, cookie: &str) {
        self.cookie = Some(cookie.to_owned());
    }

    pub async fn get(&self, path: &str) -> (u16, String) {
        let mut req = self.http.get(format!("{}{path}", self.base));
        if let Some(c) = &self.cookie {
            req = req.header("cookie", c);
        }
        let res = req.send().await.unwrap();
        (res.status().as_u16(), res.text().await.unwrap())
    }

    pub async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> (u16, String) {
        // As a browser does for a form on the site's own page.
        let mut req = self
            .http
            .post(format!("{}{path}", self.base))
            .header("origin", &self.base)
            .form(form);
        if let Some(c) = &self.cookie {
            req = req.header("cookie", c);
        }
        let res = req.send().await.unwrap();
        if let Some(set) = res.headers().get("set-cookie") {
            let pair = set.to_str().unwrap().split(';').next().unwrap().to_owned();
            self.cookie = Some(pair);
        }
        (res.status().as_u16(), res.text().await.unwrap())
    }

    /// Posts a form with files (`multipart/form-data`) as a browser does: text fields, then
    /// files (`name`, JPEG bytes).
    pub async fn post_multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, Vec<u8>)],
    ) -> (u16, String) {
        const BOUNDARY: &str = "----nhi-test-form-7d3f";
        let mut body = Vec::new();
        for (name, value) in fields {
            body.extend_from_slice(
                format!(
                    "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                )
                .as_bytes(),
            );
        }
        for (name, bytes) in files {
            body.extend_from_slice(
                format!(
                    "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{name}.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
        let mut req = self
            .http
            .post(format!("{}{path}", self.base))
            .header("origin", &self.base)
            .header(
                "content-type",
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .body(body);
        if let Some(c) = &self.cookie {
            req = req.header("cookie", c);
        }
        let res = req.send().await.unwrap();
        (res.status().as_u16(), res.text().await.unwrap())
    }

    /// Applies with the NHI card for the not-yet-registered demo person.
    pub async fn apply_new_person(&mut self) -> (u16, String) {
        self.apply(&[]).await
    }

    /// The not-yet-registered demo person's application with some fields changed.
    pub async fn apply(&mut self, changes: &[(&str, &str)]) -> (u16, String) {
        let form = new_person_form(changes);
        let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.post("/register/apply", &fields).await
    }

    /// The path of the newest confirmation link in the outbox.
    pub async fn confirmation_path(&self) -> String {
        let (_, html) = self.get("/outbox").await;
        let start = html
            .find("/register/confirm?token=")
            .expect("a confirmation link");
        let rest = &html[start..];
        rest[..rest.find('"').unwrap()].to_owned()
    }

    pub async fn log_in(&mut self, id: &str, password: &str) -> u16 {
        self.post(
            "/register/login",
            &[("id_number", id), ("password", password)],
        )
        .await
        .0
    }

    /// Presses "Produce verification code" and reads the code off the page.
    pub async fn produce_code(&mut self) -> String {
        let (status, html) = self.post("/register/device-code", &[]).await;
        assert_eq!(status, 200, "{html}");
        let marker = "id=\"device-code\">";
        let start = html.find(marker).expect("the code is shown") + marker.len();
        html[start..start + 8].to_owned()
    }
}
