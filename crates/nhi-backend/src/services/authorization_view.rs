//! How an authorization looks to the people on either side: its state today, the parties
//! (IDs masked), and — for the grantor — every use of the card.

use chrono::NaiveDate;

use crate::error::ApiError;
use crate::state::AppState;
use crate::store::AuthorizationRecord;
use nhi_core::api::{AuthorizationState, AuthorizationUse, AuthorizationView, Party};
use nhi_core::domain::IdNumber;

/// Today in Taiwan, where authorization periods are counted.
pub fn today(state: &AppState) -> NaiveDate {
    nhi_core::domain::authorization::taiwan_date(state.clock.now())
}

pub fn state_of(
    a: &AuthorizationRecord,
    today: NaiveDate,
    now: chrono::DateTime<chrono::Utc>,
) -> AuthorizationState {
    if a.cancelled_at.is_some() {
        AuthorizationState::Cancelled
    } else if a.redeemed_at.is_none() {
        if a.offer_voided || a.offer_expires_at <= now {
            AuthorizationState::OfferExpired
        } else {
            AuthorizationState::Pending
        }
    } else if today < a.starts_on {
        AuthorizationState::NotYetStarted
    } else if today > a.ends_on {
        AuthorizationState::Ended
    } else {
        AuthorizationState::Active
    }
}

/// Whether authorization `id` lets its grantee show the card right now: a delegate's code
/// stops working the moment it is cancelled or ends.
pub async fn is_active(state: &AppState, id: i64) -> Result<bool, ApiError> {
    Ok(state.store.find_authorization(id).await?.is_some_and(|a| {
        state_of(&a, today(state), state.clock.now()) == AuthorizationState::Active
    }))
}

/// A person as the other side sees them: the name and the masked ID.
pub async fn party(state: &AppState, id: &IdNumber) -> Result<Party, ApiError> {
    let name = state
        .store
        .find_person(id)
        .await?
        .map(|p| p.name)
        .unwrap_or_default();
    Ok(Party {
        id_number: id.masked(),
        name,
    })
}

pub async fn view(
    state: &AppState,
    a: &AuthorizationRecord,
    with_uses: bool,
) -> Result<AuthorizationView, ApiError> {
    let uses = if with_uses {
        state
            .store
            .authorization_uses(a.id)
            .await?
            .into_iter()
            .map(|(used_at, institution, video_visit)| AuthorizationUse {
                used_at,
                institution,
                video_visit,
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(AuthorizationView {
        id: a.id,
        grantor: party(state, &a.grantor_id).await?,
        grantee: party(state, &a.grantee_id).await?,
        starts_on: a.starts_on,
        ends_on: a.ends_on,
        state: state_of(a, today(state), state.clock.now()),
        uses,
    })
}
