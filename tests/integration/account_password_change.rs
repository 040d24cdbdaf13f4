//! Changing the registration password while signed in — in the app (我的, `PUT /me/password`)
//! and on the website (註冊密碼變更): the current password through the login's one attempt
//! limit, the new one under the rule; the session where it was changed stays, every other
//! one ends; a notice mail goes to the confirmed address.

use crate::support;

use nhi_client::client::ClientError;
use nhi_core::api::{ChangePassword, ProblemCode};
use support::site::*;
use support::*;

const CHANGED: &str = "Wang@2027";

fn change(current: &str, new: &str) -> ChangePassword {
    ChangePassword {
        current_password: current.into(),
        new_password: new.into(),
    }
}

fn code(result: Result<(), ClientError>) -> Option<ProblemCode> {
    result.err().and_then(|e| e.code())
}

#[tokio::test]
async fn the_app_changes_the_password_and_every_other_sign_in_ends() {
    let t = TestBackend::spawn().await;
    let here = t.signed_in_adult().await.token;
    let mut website = Site::new(&t);
    assert_eq!(website.log_in(ADULT_ID, ADULT_PASSWORD).await, 303);

    // A new password that breaks the rule is told first, and costs no try.
    let result = t
        .client
        .change_password(&here, &change(ADULT_PASSWORD, "a b"))
        .await;
    assert_eq!(code(result), Some(ProblemCode::InvalidPassword));
    // A wrong current password counts down.
    let result = t
        .client
        .change_password(&here, &change("Wrong@2026", CHANGED))
        .await;
    let Err(ClientError::Problem(problem)) = result else {
        panic!("refused");
    };
    assert_eq!(problem.code, ProblemCode::WrongCredentials);
    assert_eq!(problem.attempts_left, Some(4));

    t.client
        .change_password(&here, &change(ADULT_PASSWORD, CHANGED))
        .await
        .expect("changed");
    // This sign-in stays; the website's ended; the new password is the one that works.
    assert!(t.client.me(&here).await.is_ok());
    assert_eq!(website.get("/register/devices").await.0, 303, "signed out");
    assert_eq!(Site::new(&t).log_in(ADULT_ID, ADULT_PASSWORD).await, 200);
    assert_eq!(Site::new(&t).log_in(ADULT_ID, CHANGED).await, 303);
}

#[tokio::test]
async fn sixty_four_guesses_at_the_current_password_check_at_most_five() {
    let t = TestBackend::spawn().await;
    let here = t.signed_in_adult().await.token;
    let guesses = (0..64).map(|n| {
        let client = t.client.clone();
        let token = here.clone();
        async move {
            let guess = format!("Guess@{n:04}");
            client
                .change_password(&token, &change(&guess, CHANGED))
                .await
        }
    });
    let results = futures_util::future::join_all(guesses).await;
    let checked = results
        .into_iter()
        .filter(|r| code(r.clone()) == Some(ProblemCode::WrongCredentials))
        .count();
    assert!(checked <= 5, "{checked} of 64 guesses were checked");
    // Locked now: even the right one waits.
    let result = t
        .client
        .change_password(&here, &change(ADULT_PASSWORD, CHANGED))
        .await;
    assert_eq!(code(result), Some(ProblemCode::AccountLocked));
}

#[tokio::test]
async fn the_website_changes_it_keeps_this_session_and_mails_a_notice() {
    let t = TestBackend::spawn().await;
    let mut site = Site::new(&t);
    site.apply_new_person().await;
    site.get(&site.confirmation_path().await).await;
    assert_eq!(site.log_in(NEW_ID, NEW_PASSWORD).await, 303);
    let mut elsewhere = Site::new(&t);
    assert_eq!(elsewhere.log_in(NEW_ID, NEW_PASSWORD).await, 303);

    let (_, page) = site.get("/register/password").await;
    assert!(page.contains("Current password"), "{page}");
    let (_, page) = site
        .post(
            "/register/password",
            &[
                ("current_password", "Wrong@2026"),
                ("password", CHANGED),
                ("password_confirm", CHANGED),
            ],
        )
        .await;
    assert!(
        page.contains("The current password is wrong. 4 tries left"),
        "{page}"
    );
    let (_, page) = site
        .post(
            "/register/password",
            &[
                ("current_password", NEW_PASSWORD),
                ("password", CHANGED),
                ("password_confirm", CHANGED),
            ],
        )
        .await;
    assert!(page.contains("Your password was changed"), "{page}");
    assert_eq!(
        site.get("/register/devices").await.0,
        200,
        "this session stays"
    );
    assert_eq!(
        elsewhere.get("/register/devices").await.0,
        303,
        "that one ended"
    );
    let (_, outbox) = site.get("/outbox").await;
    assert_eq!(outbox.matches("your password was changed").count(), 1);
    // Signed out, the page is not there.
    assert_eq!(Site::new(&t).get("/register/password").await.0, 303);
}
