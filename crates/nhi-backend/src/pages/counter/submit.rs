//! Verifying what the counter's form sent: the cards first (typed, they sign the counter in
//! for the shift), then the QR text or the photo of the code.

use axum::extract::{Multipart, State};
use axum::response::{IntoResponse, Response};

use super::form::CounterForm;
use super::page::{presented_by, unreadable_form, CounterPage};
use super::refusal::Refusal;
use super::session::{Clerk, CounterSession, DOOR};
use crate::error::ApiError;
use crate::pages::door::MaybeSignedIn;
use crate::pages::render;
use crate::pages::PageLang;
use crate::services::institution_cards::{authenticate, blocked, professional_card_blocked};
use crate::services::qr_scan::read_card_qr;
use crate::services::verification::verify;
use crate::state::AppState;
use nhi_core::api::Verification;

pub(super) async fn submit(
    page: PageLang,
    State(state): State<AppState>,
    MaybeSignedIn(session): MaybeSignedIn<CounterSession>,
    multipart: Multipart,
) -> Result<Response, ApiError> {
    let signed_in = Clerk::of(&state, session).await?;
    let form = match CounterForm::read(multipart).await {
        Ok(form) => form,
        // The clerk's own page, in the clerk's language, with what to do.
        Err(status) => return unreadable_form(page, &state, signed_in.as_ref(), status).await,
    };
    let nothing_given = form.nothing_given();
    let (clerk, new_token, outcome) = match clerk_for(&state, &form, signed_in.clone()).await {
        Ok((clerk, token)) => {
            let outcome = verify_form(&state, &clerk, form.payload, form.image).await;
            (Some(clerk), token, outcome)
        }
        // The cards did not pass: the shift's sign-in, if there is one, still stands.
        Err(refused) => (signed_in, None, Err(refused)),
    };
    let (result, refusal) = shown(outcome, &page, nothing_given)?;
    let body = render(&CounterPage {
        presented_by: presented_by(&page, result.as_ref()),
        institution_code: form.credentials.institution_code,
        hpc_id: form.credentials.hpc_id,
        result,
        refusal,
        ..CounterPage::for_clerk(page, &state, clerk.as_ref()).await?
    });
    Ok(match new_token {
        Some(token) => ([DOOR.set_cookie(&token)], body).into_response(),
        None => body,
    })
}

/// Who verifies. Typed cards go through the three-card check and its attempt limits; once
/// they pass, the counter is signed in for the shift (the new session's token is returned).
/// Otherwise the shift's sign-in stands — unless its professional card was blocked since.
async fn clerk_for(
    state: &AppState,
    form: &CounterForm,
    signed_in: Option<Clerk>,
) -> Result<(Clerk, Option<String>), ApiError> {
    if let Some(clerk) = signed_in.filter(|_| !form.types_cards()) {
        if professional_card_blocked(state, &clerk.hpc_id).await? {
            return Err(blocked());
        }
        return Ok((clerk, None));
    }
    let institution = authenticate(state, &form.credentials).await?;
    let hpc_id = form.credentials.hpc_id.trim().to_owned();
    let token = DOOR.open(state, &institution.code, Some(&hpc_id)).await?;
    Ok((
        Clerk {
            institution,
            hpc_id,
        },
        Some(token),
    ))
}

/// The card the QR text names — or, without text, the code in the photo — verified at
/// `clerk`'s institution.
async fn verify_form(
    state: &AppState,
    clerk: &Clerk,
    payload: String,
    image: Vec<u8>,
) -> Result<Verification, ApiError> {
    let payload = match (payload.is_empty(), image.is_empty()) {
        (false, _) => payload,
        (true, false) => read_card_qr(image.into()).await?,
        (true, true) => return Err(ApiError::InvalidRequest("no QR text and no photo".into())),
    };
    verify(state, &clerk.institution, &payload).await
}

/// What the clerk reads of the outcome: the verification, or why not in their words. A
/// failure that is not a refusal (the store, say) is the page's own error.
fn shown(
    outcome: Result<Verification, ApiError>,
    page: &PageLang,
    nothing_given: bool,
) -> Result<(Option<Verification>, Option<Refusal>), ApiError> {
    Ok(match outcome {
        Ok(verification) => (Some(verification), None),
        Err(ApiError::Refused(problem)) => (None, Some(Refusal::of(&problem, page))),
        Err(ApiError::InvalidRequest(why)) => {
            tracing::debug!(%why, "the counter could not verify");
            let detail = if nothing_given {
                "counter-nothing-to-verify-detail"
            } else {
                "counter-cannot-verify-detail"
            };
            let refusal = Refusal::plain(page, "counter-cannot-verify", detail);
            (None, Some(refusal))
        }
        Err(other) => return Err(other),
    })
}
