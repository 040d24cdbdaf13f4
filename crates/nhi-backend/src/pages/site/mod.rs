//! The NHI Card Online Services Registration website (健保卡網路服務註冊), as real HTML pages:
//! apply with the NHI card or a citizen digital certificate (the card reader simulated),
//! confirm the e-mail, log in, produce a device verification code, manage devices; and the
//! citizen-certificate path as its own pages (`personal`: 個人健保資料網路服務作業). Also the
//! testers' view of the mail outbox.

mod account;
pub(crate) mod apply;
mod change_password;
pub(crate) mod device_code;
mod devices;
mod forgot;
mod help;
pub(crate) mod identity;
mod login;
mod outbox;
pub(crate) mod pages;
mod personal;
mod resend;
mod reset_code;
pub(crate) mod site_session;

use axum::http::header;
use axum::routing::{get, post};
use axum::Router;

use crate::state::AppState;

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/register", get(pages::home))
        .route("/register/apply", get(apply::form).post(apply::submit))
        .route("/register/confirm", get(apply::confirm))
        .route("/register/resend", get(resend::form).post(resend::submit))
        .route("/register/login", get(login::form).post(login::submit))
        .route("/register/forgot", get(forgot::form).post(forgot::submit))
        .route(
            "/register/reset",
            get(forgot::new_password_form).post(forgot::set_new_password),
        )
        .route(
            "/register/reset/code",
            get(reset_code::form).post(reset_code::redeem),
        )
        .route("/register/logout", post(login::logout))
        .route(
            "/register/device-code",
            get(device_code::page).post(device_code::produce),
        )
        .route("/register/devices", get(devices::list))
        .route("/register/account", get(account::page))
        .route("/register/account/email", post(account::change_email))
        .route("/register/account/mobile", post(account::change_mobile))
        .route(
            "/register/account/local-phone",
            post(account::change_local_phone),
        )
        .route(
            "/register/account/confirm-email",
            get(account::confirm_email),
        )
        .route(
            "/register/password",
            get(change_password::form).post(change_password::submit),
        )
        .route("/register/devices/activate", post(devices::activate))
        .route(
            "/register/devices/quick-sign-in/remove",
            post(devices::remove_quick_sign_in),
        )
        .route("/register/help", get(help::help))
        .route("/register/check", get(help::check))
        .route("/register/check.js", get(check_script))
        .route("/register/site.css", get(stylesheet))
        .route("/register/strength.js", get(strength_script))
        .route("/outbox", get(outbox::list))
        .merge(personal::routes())
        .with_state(state)
}

async fn stylesheet() -> ([(header::HeaderName, &'static str); 1], &'static str) {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("site.css"),
    )
}

async fn check_script() -> ([(header::HeaderName, &'static str); 1], &'static str) {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("check.js"),
    )
}

async fn strength_script() -> ([(header::HeaderName, &'static str); 1], &'static str) {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("strength.js"),
    )
}
