//! 專案申請: staff apply for the Virtual NHI Card on a person's behalf — a professional of a
//! Home Health Care Integration Plan institution for a case registered with it (the three
//! cards through the one attempt limiter, as at the counter), or NHIA counter staff for a
//! person present. The person is checked against the insurance records as a card reader
//! checks (the same attempt limit), their consent and the photo of the signed form are
//! required, the images get the same checks as the person's own, and the application goes to
//! the same review queue marked with who made it for whom. The person is told by e-mail and
//! SMS, with how to withdraw it. One open application per person, whatever the channel.

use std::net::IpAddr;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;

use crate::error::ApiError;
use crate::pages::time_text::taiwan_time;
use crate::services::attempt_guard;
use crate::services::card_images::{self, ImageKind};
use crate::state::AppState;
use crate::store::{
    AppliedBy, ConsentForm, InstitutionRecord, NewApplication, PersonRecord, Upload,
};
use nhi_core::api::{
    ProblemCode, StaffApplication, StaffApplicationFiled, StaffPersonCheck, StaffPersonChecked,
    UploadResponse,
};
use nhi_core::domain::attempt_limit::{CARD_READER_PER_CLIENT, CARD_READER_PER_ID};
use nhi_core::domain::card_application::{required_document, ApplicationStatus, Channel};
use nhi_core::domain::IdNumber;
use nhi_core::i18n::Lang;
use nhi_core::tr;

/// The staff member applying: the channel, who (for the records), and the name the person
/// is told.
#[derive(Debug, Clone)]
pub struct StaffMember {
    pub channel: Channel,
    pub who: String,
    pub name: String,
    /// The home-care institution, whose registered cases alone it may apply for.
    pub institution: Option<String>,
}

/// A professional of a home-care plan institution, by the cards that passed the check.
pub async fn home_care_professional(
    state: &AppState,
    institution: &InstitutionRecord,
    hpc_id: &str,
) -> Result<StaffMember, ApiError> {
    if !state.store.in_home_care_plan(&institution.code).await? {
        return Err(ApiError::refuse(
            ProblemCode::NotInHomeCarePlan,
            "Only institutions of the Home Health Care Integration Plan may apply for a person.",
        ));
    }
    Ok(StaffMember {
        channel: Channel::HomeCare,
        who: format!("{}/{}", institution.code, hpc_id.trim()),
        name: institution.name.clone(),
        institution: Some(institution.code.clone()),
    })
}

/// NHIA counter staff (臨櫃人員) by their staff account: the person is told the division's
/// staff member's name.
pub fn counter_staff(username: &str, name: &str) -> StaffMember {
    StaffMember {
        channel: Channel::Counter,
        who: format!("nhia/{username}"),
        name: format!("中央健康保險署 {name}"),
        institution: None,
    }
}

/// The person the staff member names, when the insurance records agree (name and birth
/// date, counted as a card reader's check) and the staff may apply for them: a registered
/// case of a home-care institution, with no application under review and no card.
pub async fn check_person(
    state: &AppState,
    staff: &StaffMember,
    typed: &StaffPersonCheck,
    client: IpAddr,
) -> Result<PersonRecord, ApiError> {
    let id = IdNumber::parse(&typed.id_number)?;
    may_apply_for(state, staff, &id).await?;
    let subjects = [
        (format!("card-reader-id:{id}"), CARD_READER_PER_ID),
        (
            format!("card-reader-client:{client}"),
            CARD_READER_PER_CLIENT,
        ),
    ];
    let attempt = attempt_guard::reserve(state, &subjects).await?;
    let person = state.store.find_person(&id).await?;
    let matches =
        |p: &PersonRecord| p.name.trim() == typed.name.trim() && p.birth_date == typed.birth_date;
    let Some(person) = person.filter(matches) else {
        return Err(attempt
            .refuse(ApiError::refuse(
                ProblemCode::PersonMismatch,
                "The name or birth date is not as in the insurance records for this ID.",
            ))
            .await);
    };
    attempt.succeeded().await?;
    if person.card_voided {
        return Err(ApiError::refuse(
            ProblemCode::CardVoided,
            "This NHI card is voided.",
        ));
    }
    match state.store.current_application(&id).await? {
        Some(a) if a.status == ApplicationStatus::UnderReview => Err(open_application()),
        Some(a) if a.status == ApplicationStatus::Approved => Err(already_approved()),
        _ => Ok(person),
    }
}

/// A home-care institution's staff apply only for the cases registered with it.
async fn may_apply_for(
    state: &AppState,
    staff: &StaffMember,
    id: &IdNumber,
) -> Result<(), ApiError> {
    match &staff.institution {
        Some(code) if !state.store.is_home_care_case(code, id).await? => Err(ApiError::refuse(
            ProblemCode::NotACase,
            "This person is not a home-care case registered with your institution.",
        )),
        _ => Ok(()),
    }
}

fn open_application() -> ApiError {
    ApiError::refuse(
        ProblemCode::ApplicationOpen,
        "This person already has an application under review.",
    )
}

fn already_approved() -> ApiError {
    ApiError::refuse(
        ProblemCode::CardAlreadyApproved,
        "This person already has an approved Virtual NHI Card.",
    )
}

/// The checked person as the staff member is shown them.
pub fn checked(person: &PersonRecord) -> StaffPersonChecked {
    StaffPersonChecked {
        masked_id: person.id_number.masked(),
        name: person.name.clone(),
    }
}

/// An image for the person's application, uploaded by the staff member (the consent form
/// kept apart from the card's images).
pub async fn upload(
    state: &AppState,
    staff: &StaffMember,
    person: &IdNumber,
    kind: ImageKind,
    body: Result<Bytes, BytesRejection>,
) -> Result<UploadResponse, ApiError> {
    may_apply_for(state, staff, person).await?;
    let prepared = card_images::prepare(kind, body).await?;
    let (width, height, now) = (prepared.width, prepared.height, state.clock.now());
    if kind == ImageKind::ConsentForm {
        let form = ConsentForm {
            id: prepared.id.clone(),
            id_number: person.clone(),
            uploaded_by: staff.who.clone(),
            bytes: prepared.jpeg,
            width,
            height,
            created_at: now,
        };
        state.store.insert_consent_form(&form).await?;
    } else {
        let upload = Upload {
            id: prepared.id.clone(),
            id_number: person.clone(),
            kind: kind.as_str().to_owned(),
            bytes: prepared.jpeg,
            width,
            height,
            created_at: now,
            uploaded_by: Some(staff.who.clone()),
        };
        state.store.insert_upload(&upload).await?;
    }
    Ok(UploadResponse {
        upload_id: prepared.id,
        width,
        height,
    })
}

/// Files the application and tells the person.
pub async fn apply(
    state: &AppState,
    staff: &StaffMember,
    request: &StaffApplication,
    lang: Lang,
    client: IpAddr,
) -> Result<StaffApplicationFiled, ApiError> {
    if !request.consented {
        return Err(ApiError::refuse(
            ProblemCode::ConsentRequired,
            "The person's consent is required: tick it and photograph the signed form.",
        ));
    }
    let (phone, email) =
        crate::services::application_contact::checked(&request.contact_phone, &request.email)?;
    let person = check_person(state, staff, &request.person, client).await?;
    let id = &person.id_number;
    let form = state
        .store
        .find_consent_form(&request.consent_form_upload)
        .await?;
    if !form.is_some_and(|f| &f.id_number == id && f.uploaded_by == staff.who) {
        return Err(ApiError::refuse(
            ProblemCode::ConsentRequired,
            "Photograph the consent form the person signed for this application.",
        ));
    }
    for (upload, kind) in [
        (&request.document_upload, ImageKind::IdDocument),
        (&request.photo_upload, ImageKind::Photo),
    ] {
        let ours = state.store.find_upload(upload).await?.is_some_and(|u| {
            &u.id_number == id
                && u.kind == kind.as_str()
                && u.uploaded_by.as_deref() == Some(staff.who.as_str())
        });
        if !ours {
            return Err(ApiError::refuse(
                ProblemCode::UploadNotFound,
                format!("No {} uploaded for this person has this id.", kind.as_str()),
            ));
        }
    }
    let now = state.clock.now();
    let application = NewApplication {
        id_number: id.clone(),
        document_kind: required_document(id.kind(), person.birth_date, now.date_naive()),
        document_upload: request.document_upload.clone(),
        photo_upload: request.photo_upload.clone(),
        contact_phone: phone.to_string(),
        email,
        submitted_at: now,
        applied_by: Some(AppliedBy {
            channel: staff.channel,
            who: staff.who.clone(),
            name: staff.name.clone(),
            consent_form: request.consent_form_upload.clone(),
        }),
    };
    let number = match state.store.submit_staff_application(&application).await? {
        Ok(number) => number,
        Err(ApplicationStatus::Approved) => return Err(already_approved()),
        Err(_) => return Err(open_application()),
    };
    tell_the_person(state, &person, staff, &application, lang).await?;
    Ok(StaffApplicationFiled {
        number,
        masked_id: id.masked(),
        name: person.name.clone(),
        submitted_at: now,
    })
}

/// The e-mail and the SMS to the contact given: who applied, when, how to withdraw.
async fn tell_the_person(
    state: &AppState,
    person: &PersonRecord,
    staff: &StaffMember,
    application: &NewApplication,
    lang: Lang,
) -> Result<(), ApiError> {
    let time = taiwan_time(application.submitted_at, lang);
    let (name, by, time) = (person.name.as_str(), staff.name.as_str(), time.as_str());
    let subject = lang.t("mail-staff-application-subject");
    let body = tr!(
        lang,
        "mail-staff-application-body",
        name = name,
        by = by,
        time = time
    );
    state
        .store
        .send_mail(
            &application.email,
            &subject,
            &(body + "\n"),
            application.submitted_at,
        )
        .await?;
    let sms = tr!(lang, "sms-staff-application", by = by, time = time);
    state
        .store
        .send_sms(&application.contact_phone, &sms, application.submitted_at)
        .await?;
    Ok(())
}

/// The staff member applying, from the request's headers: counter staff by their session
/// (`X-Staff-Session`, from `POST /counter-staff/sessions`), or a professional of a
/// home-care plan institution by the three cards (`X-Institution-Code`, `X-SAM-Key`,
/// `X-HPC-Id`, `X-HPC-PIN`), as the institution API takes them.
pub struct ApplyingStaff(pub StaffMember);

impl axum::extract::FromRequestParts<AppState> for ApplyingStaff {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<Self, ApiError> {
        use crate::services::institution_cards::{authenticate, credentials_from};
        if let Some(token) = parts.headers.get(STAFF_SESSION_HEADER) {
            return counter_staff_by_session(state, token.as_bytes())
                .await
                .map(Self);
        }
        let cards = credentials_from(parts);
        let institution = authenticate(state, &cards).await?;
        home_care_professional(state, &institution, &cards.hpc_id)
            .await
            .map(Self)
    }
}

/// The header counter staff's session token comes in.
pub const STAFF_SESSION_HEADER: &str = "x-staff-session";

/// Counter staff by a live session of the console's door (30 minutes without a request,
/// 8 hours at most); anything else is "not signed in".
async fn counter_staff_by_session(state: &AppState, token: &[u8]) -> Result<StaffMember, ApiError> {
    let token = std::str::from_utf8(token).map_err(|_| ApiError::Unauthenticated)?;
    let hash = crate::crypto::session_token::digest(token.trim());
    let session = crate::pages::review::STAFF_DOOR
        .staff_session(state, &hash)
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    let (name, _) = state
        .store
        .find_reviewer(&session.holder)
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    Ok(counter_staff(&session.holder, &name))
}
