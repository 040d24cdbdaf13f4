//! The institution's "three cards" — its security module (SAM) card, and a healthcare
//! professional card with its PIN — checked as a clinic's card readers present them, with
//! the attempt limits of a real card; the extractors the institution API authenticates with.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::crypto::server_key::Purpose;
use crate::error::ApiError;
use crate::services::attempt_guard::{self, AfterFailure};
use crate::services::recent_clinic_cards::PresentedCards;
use crate::state::AppState;
use crate::store::InstitutionRecord;
use nhi_core::api::{Problem, ProblemCode};
use nhi_core::domain::attempt_limit::{HPC_PIN, SAM_KEY_PER_INSTITUTION};
use nhi_core::domain::card_qr::HisCode;

/// The credentials a clinic's card readers present: institution code and SAM key (the
/// security module card), professional card ID and PIN.
#[derive(Debug, Clone, Default)]
pub struct Credentials {
    pub institution_code: String,
    pub sam_key: String,
    pub hpc_id: String,
    pub hpc_pin: String,
}

/// A refusal with its clinic-side (HIS) code.
pub(super) fn refuse(code: ProblemCode, his: HisCode, detail: &str) -> ApiError {
    ApiError::Refused(
        Problem::of(code)
            .with_detail(detail)
            .with_his_code(his.number()),
    )
}

/// The attempt-limit subject of a professional card's PIN.
pub fn hpc_pin_subject(hpc_id: &str) -> String {
    format!("hpc-pin:{hpc_id}")
}

/// Checks the institution's security module (SAM) card: the institution when the key is
/// right. Wrong keys count against the institution code.
pub async fn authenticate_sam(
    state: &AppState,
    c: &Credentials,
) -> Result<InstitutionRecord, ApiError> {
    use ProblemCode::InstitutionCredentials as Cred;
    if c.institution_code.is_empty() || c.sam_key.is_empty() {
        return Err(refuse(
            Cred,
            HisCode::NoSecurityModuleCard,
            "Insert the institution's security module (SAM) card.",
        ));
    }
    let code = short(&c.institution_code);
    let attempt =
        attempt_guard::reserve(state, &[(format!("sam:{code}"), SAM_KEY_PER_INSTITUTION)]).await?;
    let institution = state.store.find_institution(&code).await?;
    let presented = state.key.keyed(Purpose::SamKey, c.sam_key.trim());
    let Some(institution) = institution.filter(|i| i.sam_key_hash == presented) else {
        state.recent_clinic_cards.forget_institution(&code);
        return Err(attempt
            .refuse(refuse(
                Cred,
                HisCode::NoSecurityModuleCard,
                "The institution code and security module card do not match.",
            ))
            .await);
    };
    attempt.succeeded().await?;
    Ok(institution)
}

/// Checks the three cards; the institution when they are good. As on a real professional
/// card, three wrong PINs block the card until its institution unblocks it.
pub async fn authenticate(
    state: &AppState,
    c: &Credentials,
) -> Result<InstitutionRecord, ApiError> {
    use ProblemCode::InstitutionCredentials as Cred;
    let presented = PresentedCards {
        institution_code: short(&c.institution_code),
        sam_key_hash: state.key.keyed(Purpose::SamKey, c.sam_key.trim()),
        hpc_id: short(&c.hpc_id),
        pin_hash: state.key.keyed(Purpose::HpcPin, c.hpc_pin.trim()),
    };
    let now = state.clock.now();
    if let Some(institution) = state.recent_clinic_cards.get(&presented, now) {
        return Ok(institution);
    }
    let institution = authenticate_sam(state, c).await?;
    if c.hpc_id.is_empty() || c.hpc_pin.is_empty() {
        return Err(refuse(
            Cred,
            HisCode::NoProfessionalCard,
            "Insert a healthcare professional card and enter its PIN.",
        ));
    }
    let hpc_id = short(&c.hpc_id);
    let attempt =
        match attempt_guard::try_reserve(state, &[(hpc_pin_subject(&hpc_id), HPC_PIN)]).await? {
            Ok(attempt) => attempt,
            Err(_) => return Err(blocked()),
        };
    let professional = state.store.find_professional(&hpc_id).await?;
    let ok = professional
        .is_some_and(|(code, pin)| code == institution.code && pin == presented.pin_hash);
    if !ok {
        state.recent_clinic_cards.forget_professional(&hpc_id);
        return Err(match attempt.failed().await? {
            AfterFailure::Locked(_) => blocked(),
            AfterFailure::TriesLeft(left) => refuse(
                Cred,
                HisCode::NoProfessionalCard,
                "The healthcare professional card or its PIN is wrong, or it belongs to another institution.",
            )
            .with_attempts_left(left),
        });
    }
    attempt.succeeded().await?;
    state
        .recent_clinic_cards
        .remember(presented, institution.clone(), now);
    Ok(institution)
}

/// An institution code or professional card ID as checked: trimmed, at most 32 characters.
fn short(presented: &str) -> String {
    presented.trim().chars().take(32).collect()
}

/// Whether three wrong PINs have blocked the professional card (until its institution
/// unblocks it): a counter signed in before the block stops too.
pub async fn professional_card_blocked(state: &AppState, hpc_id: &str) -> Result<bool, ApiError> {
    Ok(state
        .store
        .locked_until(&hpc_pin_subject(hpc_id))
        .await?
        .is_some_and(|until| until > state.clock.now()))
}

/// The refusal of a professional card blocked by three wrong PINs.
pub fn blocked() -> ApiError {
    refuse(
        ProblemCode::ProfessionalCardBlocked,
        HisCode::NoProfessionalCard,
        "Three wrong PINs blocked this healthcare professional card. The institution must unblock it.",
    )
}

pub(crate) fn credentials_from(parts: &Parts) -> Credentials {
    let header = |name: &str| {
        parts
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    Credentials {
        institution_code: header("x-institution-code"),
        sam_key: header("x-sam-key"),
        hpc_id: header("x-hpc-id"),
        hpc_pin: header("x-hpc-pin"),
    }
}

/// An institution authenticated from request headers (`X-Institution-Code`, `X-SAM-Key`,
/// `X-HPC-Id`, `X-HPC-PIN`).
pub struct InstitutionCaller(pub InstitutionRecord);

impl FromRequestParts<AppState> for InstitutionCaller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        authenticate(state, &credentials_from(parts))
            .await
            .map(Self)
    }
}

/// An institution by its security module card alone (`X-Institution-Code`, `X-SAM-Key`):
/// what administering its own professional cards takes.
pub struct InstitutionModule(pub InstitutionRecord);

impl FromRequestParts<AppState> for InstitutionModule {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        authenticate_sam(state, &credentials_from(parts))
            .await
            .map(Self)
    }
}
