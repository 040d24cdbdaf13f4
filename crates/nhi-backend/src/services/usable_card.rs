//! "Is the card usable?" — asked by showing a QR, authorizing someone and presenting a card
//! for someone: the rule is `domain::card_application::card_usable`, this reads what it needs.

use crate::error::ApiError;
use crate::state::AppState;
use crate::store::{Application, PersonRecord};
use nhi_core::domain::card_application::{card_approved, card_usable, ApplicationStatus};
use nhi_core::domain::IdNumber;

/// The person's current application when it gives a usable card.
pub async fn of_person(
    state: &AppState,
    person: &PersonRecord,
) -> Result<Option<Application>, ApiError> {
    Ok(state
        .store
        .current_application(&person.id_number)
        .await?
        .filter(|a| card_usable(a.status, person.card_voided)))
}

/// The id of the current card read with the session (`CurrentSessionWithCard`) when it is
/// usable.
pub fn of_session(person: &PersonRecord, card: Option<(i64, ApplicationStatus)>) -> Option<i64> {
    card.filter(|(_, status)| card_usable(*status, person.card_voided))
        .map(|(id, _)| id)
}

/// Where an authorization stands on this side: no usable card, a card still under review, or
/// an approved card (what authorizing and being authorized need).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ForAuthorization {
    NoCard,
    UnderReview,
    Approved,
}

/// The person's card, as an authorization asks: approved on both sides.
pub async fn for_authorization(
    state: &AppState,
    id: &IdNumber,
) -> Result<ForAuthorization, ApiError> {
    let Some(person) = state.store.find_person(id).await? else {
        return Ok(ForAuthorization::NoCard);
    };
    Ok(match of_person(state, &person).await? {
        None => ForAuthorization::NoCard,
        Some(a) if card_approved(a.status, person.card_voided) => ForAuthorization::Approved,
        Some(_) => ForAuthorization::UnderReview,
    })
}

/// The same for someone known by ID number only (the other side of an authorization).
pub async fn of_id(state: &AppState, id: &IdNumber) -> Result<Option<Application>, ApiError> {
    match state.store.find_person(id).await? {
        Some(person) => of_person(state, &person).await,
        None => Ok(None),
    }
}
