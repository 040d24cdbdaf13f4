//! The counter page: real HTML for a clinic clerk. Put in the institution's cards (typed
//! here, as the card readers would supply them), then paste the scanned QR text or upload a
//! photo or screenshot of the patient's code; see who it is, or why not, in plain words. A
//! signed-in counter also requests a patient's card for a video visit and follows it.
//!
//! One room, a file a job: `session` (the clerk's sign-in and who the counter is), `form`
//! (what the front page's form sends), `front` (showing the front page, signing out),
//! `submit` (verifying what the form sent), `page` (the front page and its parts),
//! `refusal` (why not, in the clerk's words), `video_panel` (the front page's video visit
//! form and recent requests), `video_visits` (one request: create, follow, cancel).

mod form;
mod front;
mod page;
mod refusal;
mod session;
mod submit;
mod video_panel;
mod video_visits;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;

use crate::services::qr_scan::MAX_UPLOAD_BYTES;
use crate::state::AppState;

/// The counter's form: the cards, the QR text, and a photo of the code up to the scanner's
/// limit (a phone camera's photo is 2–5 MB), with room for the other fields.
const FORM_BYTES: usize = MAX_UPLOAD_BYTES + 64 * 1024;

pub fn router(state: AppState) -> Router {
    Router::new()
        .route(
            "/counter",
            get(front::show)
                .post(submit::submit)
                .layer(DefaultBodyLimit::max(FORM_BYTES)),
        )
        .route("/counter/logout", post(front::logout))
        .merge(video_visits::routes())
        .with_state(state)
}
