//! Every main screen in every language the app speaks, rendered in a VirtualDom against the
//! real backend: no message id shows raw, and no text of another language shows beyond the
//! data (names, IDs, institutions).

use crate::support;

use nhi_client::app::credentials::{self, LANG_KEY};
use nhi_core::domain::Clock;
use nhi_core::i18n::Lang;
use nhi_core::i18n::CATALOGUES;
use nhi_ui::SystemLang;
use support::clinic::{Clinic, CLINIC};
use support::family::{authorized_for_a_month, with_cards};
use support::ui_harness::{Fixture, Harness};
use support::ADULT_ID;

/// The words a person sees or hears: text nodes and the names given to controls and images.
fn visible_text(html: &str) -> String {
    let html = match (html.find("<style>"), html.find("</style>")) {
        (Some(a), Some(b)) => format!("{}{}", &html[..a], &html[b + 8..]),
        _ => html.to_owned(),
    };
    let mut out = String::new();
    let mut rest = html.as_str();
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        out.push('\n');
        let close = rest[open..].find('>').map_or(rest.len(), |c| open + c + 1);
        let tag = &rest[open..close];
        for attr in ["aria-label=\"", "alt=\"", "title=\"", "placeholder=\""] {
            if let Some(at) = tag.find(attr) {
                let value = &tag[at + attr.len()..];
                out.push_str(&value[..value.find('"').unwrap_or(value.len())]);
                out.push('\n');
            }
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    out.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The static messages of the app's catalogue in `lang`: (id, text).
fn app_messages(lang: Lang) -> Vec<(String, String)> {
    let file = CATALOGUES
        .iter()
        .find(|f| f.lang == lang && f.name == "app")
        .expect("an app catalogue");
    file.source
        .lines()
        .filter_map(|line| line.split_once(" = "))
        .filter(|(id, _)| !id.starts_with(' '))
        .map(|(id, _)| (id.to_owned(), lang.t(id)))
        .collect()
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c)
}

/// What is wrong with a screen's text in `lang`; `data` is what the screen may show as it is.
fn problems(lang: Lang, text: &str, data: &[&str]) -> Vec<String> {
    let mut text = text.to_owned();
    // The picker offers each language by its own name, on purpose.
    for name in Lang::ALL.map(Lang::own_name) {
        text = text.replace(name, " ");
    }
    for d in data {
        text = text.replace(d, " ");
    }
    let mut found = Vec::new();
    let own = app_messages(lang);
    for (id, _) in &own {
        if text
            .split(|c: char| c.is_whitespace() || c == '"')
            .any(|w| w == id)
        {
            found.push(format!("raw message id {id}"));
        }
    }
    // Another language's sentence that this language words differently.
    for other in Lang::ALL.into_iter().filter(|l| *l != lang) {
        for (id, words) in app_messages(other) {
            let mine = lang.t(&id);
            if words.chars().count() >= 12 && words != mine && text.contains(&words) {
                found.push(format!("{} text of {id}: {words}", other.code()));
            }
        }
    }
    // Chinese characters outside zh-TW: only where this language's own catalogue has them
    // (an example like "臺北市" in a search hint), never elsewhere.
    if lang != Lang::ZhTw {
        let allowed: String = own.iter().map(|(_, t)| t.as_str()).collect();
        let stray: String = text
            .chars()
            .filter(|c| is_han(*c) && !allowed.contains(*c))
            .collect();
        if !stray.is_empty() {
            found.push(format!("Chinese outside the data: {stray}"));
        }
    }
    found
}

async fn check(h: &mut Harness, lang: Lang, wait_for: &str, data: &[&str], screen: &str) {
    let escaped = lang
        .t(wait_for)
        .replace('&', "&amp;")
        .replace('\'', "&#39;")
        .replace('"', "&quot;");
    let html = h.wait_for_text(&escaped).await;
    assert!(
        html.contains(&format!("lang=\"{}\"", lang.tag())),
        "{screen} in {lang:?} is not marked as {}",
        lang.tag()
    );
    let found = problems(lang, &visible_text(&html), data);
    assert!(found.is_empty(), "{screen} in {lang:?}: {found:#?}\n{html}");
}

#[tokio::test]
async fn the_main_screens_read_wholly_in_each_language() {
    let f = Fixture::new().await;
    let (adult, parent) = with_cards(&f.backend).await;
    let view = authorized_for_a_month(&f.backend, &adult.token, &parent.token).await;
    let (holder, me) = (adult.person.name.clone(), parent.person.name.clone());
    let brand = "健";
    let data = [holder.as_str(), me.as_str(), brand];
    let signed_in = [
        ("/", "home-services"),
        ("/me", "account-sign-out"),
        ("/card", "card-qr-qr-code-clinic"),
        ("/authorizations", "allowed-authorization-use-card"),
        (
            "/authorizations/new",
            "authorize-card-make-authorization-code",
        ),
        ("/authorizations/get", "get-authorization-holder-id"),
        ("/health-bank", "health-bank-request-todays-data"),
        ("/institutions", "common-which-clinics-accept-virtual"),
    ];
    let delegate_card = format!("/authorizations/{}/card", view.id);
    // A clinic asks for the holder's card: the delegate's card screen shows the request.
    let at = f.backend.clock.now() + chrono::Duration::minutes(5);
    let (status, _) = Clinic::new(&f.backend)
        .request_video_visit(&CLINIC, ADULT_ID, "家醫科", at)
        .await;
    assert_eq!(status, 201);
    let request_data = [
        holder.as_str(),
        me.as_str(),
        brand,
        "好心家庭醫學科診所",
        "家醫科",
        "林醫師會在 LINE 視訊",
    ];
    for lang in Lang::ALL {
        credentials::save(&*f.store, LANG_KEY, &lang).unwrap();
        f.sign_in_as(parent.clone());
        for (path, wait_for) in signed_in {
            let mut h = Harness::open(path, f.setup());
            // The card screen may already list the clinic's request (it loads on its own):
            // its words are data there too.
            let allowed = if path == "/card" {
                &request_data[..]
            } else {
                &data[..]
            };
            check(&mut h, lang, wait_for, allowed, path).await;
        }
        let mut h = Harness::open("/card", f.setup());
        check(
            &mut h,
            lang,
            "video-visit-allow",
            &request_data,
            "/card with a request",
        )
        .await;
        assert!(
            h.html().contains("好心家庭醫學科診所"),
            "the request is shown"
        );
        let mut h = Harness::open(&delegate_card, f.setup());
        check(
            &mut h,
            lang,
            "delegate-card-i-agree-accept-use",
            &data,
            &delegate_card,
        )
        .await;
    }
}

#[tokio::test]
async fn signing_in_and_device_authentication_read_wholly_in_each_language() {
    let f = Fixture::new().await;
    let screens = [
        ("/login", "login-remember-my-id-number"),
        (
            "/device-authentication",
            "device-authentication-mobile-device-code",
        ),
        ("/device-authentication/phone", "phone-authentication-start"),
        (
            "/device-authentication/phone?step=terms",
            "phone-terms-confirm",
        ),
        (
            "/device-authentication/code",
            "code-authentication-i-have-code",
        ),
    ];
    for lang in Lang::ALL {
        credentials::save(&*f.store, LANG_KEY, &lang).unwrap();
        for (path, wait_for) in screens {
            let mut h = Harness::open(path, f.setup());
            check(&mut h, lang, wait_for, &["健"], path).await;
        }
    }
}

#[tokio::test]
async fn the_first_start_speaks_the_systems_language_until_one_is_chosen() {
    let f = Fixture::new().await;
    let vietnamese = SystemLang(Some(Lang::Vi));
    let html = Harness::open_on_system("/", f.setup(), vietnamese).html();
    assert!(
        html.contains(&Lang::Vi.t("home-welcome-nhi-express")),
        "{html}"
    );
    assert!(html.contains("lang=\"vi\""));
    // A system language the app does not speak: zh-TW.
    let html = Harness::open_on_system("/", f.setup(), SystemLang(None)).html();
    assert!(html.contains(&Lang::ZhTw.t("home-welcome-nhi-express")));
    // The person's own choice wins over the system's from then on.
    let mut h = Harness::open_on_system("/", f.setup(), vietnamese);
    h.switch_language(Lang::Id);
    let html = Harness::open_on_system("/", f.setup(), vietnamese).html();
    assert!(
        html.contains(&Lang::Id.t("home-welcome-nhi-express")),
        "{html}"
    );
}

#[test]
fn the_language_check_catches_a_raw_id_and_another_language() {
    let indonesian = format!(
        "{} card-qr-update {}",
        Lang::Id.t("card-qr-each-qr-code-works"),
        Lang::En.t("card-qr-each-qr-code-works")
    );
    let found = problems(Lang::Id, &indonesian, &[]);
    assert!(
        found
            .iter()
            .any(|p| p.contains("raw message id card-qr-update")),
        "{found:?}"
    );
    assert!(found.iter().any(|p| p.starts_with("en text")), "{found:?}");
    let stray = problems(Lang::Vi, "Thẻ NHI ảo 虛擬", &[]);
    assert!(stray.iter().any(|p| p.contains("虛擬")), "{stray:?}");
    assert!(problems(Lang::Vi, "Thẻ NHI ảo 王小明", &["王小明"]).is_empty());
}
