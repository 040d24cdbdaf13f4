//! 個人健保資料網路服務作業: the citizen-certificate path of device authentication as its own
//! pages (健康存摺操作說明, 以自然人憑證進行裝置認證): sign in with the citizen digital
//! certificate (the reader simulated as on the registration website), 行動裝置帳號申請 for a
//! person without a mobile device account, then 行動裝置認證 → 產生裝置認證碼 for the app.
//!
//! `session` (the certificate sign-in's door), `login` (the certificate sign-in and the menu),
//! `mobile_account` (行動裝置帳號申請), `device_code` (行動裝置認證).

mod device_code;
mod login;
mod mobile_account;
mod session;

use axum::routing::{get, post};
use axum::Router;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/personal", get(login::form).post(login::submit))
        .route("/personal/menu", get(login::menu))
        .route("/personal/logout", post(login::logout))
        .route(
            "/personal/mobile-account",
            get(mobile_account::form).post(mobile_account::submit),
        )
        .route(
            "/personal/device-code",
            get(device_code::page).post(device_code::produce),
        )
}
