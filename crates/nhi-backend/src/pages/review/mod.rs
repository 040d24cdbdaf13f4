//! The NHIA reviewer console: real HTML pages for staff, with their own login (separate from
//! insured persons). A queue of card applications; each with its two images beside the
//! person's record; approve, or reject with a standard reason.

mod announcements;
mod counter_application;
mod pages;
mod reviewer_session;

/// The console's door: NHIA staff accounts sign in through it, and counter staff's sessions
/// in the app are kept as its sessions (`X-Staff-Session`).
pub use reviewer_session::DOOR as STAFF_DOOR;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;

use crate::state::AppState;

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/review", get(pages::queue))
        .route(
            "/review/counter-applications",
            get(counter_application::form)
                .post(counter_application::submit)
                .layer(DefaultBodyLimit::max(counter_application::FORM_BYTES)),
        )
        .route(
            "/review/announcements",
            get(announcements::list).post(announcements::publish),
        )
        .route(
            "/review/announcements/{id}/withdrawal",
            post(announcements::withdraw),
        )
        .route("/review/login", get(pages::login_form).post(pages::login))
        .route("/review/logout", post(pages::logout))
        .route("/review/applications/{number}", get(pages::application))
        .route(
            "/review/applications/{number}/decision",
            post(pages::decide),
        )
        .route(
            "/review/applications/{number}/images/{kind}",
            get(pages::image),
        )
        .with_state(state)
}
