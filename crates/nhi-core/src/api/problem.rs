//! RFC 9457 problem details with a stable machine code.

use serde::{Deserialize, Serialize};

/// The media type of an error body.
pub const CONTENT_TYPE: &str = "application/problem+json";

/// Stable machine codes. Clients switch on these, never on the English `title`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumIter,
)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ProblemCode {
    /// The request body or a parameter could not be read.
    InvalidRequest,
    /// The ID number is malformed or fails its checksum.
    InvalidIdNumber,
    /// The password does not follow the rule (only where a new one is set).
    InvalidPassword,
    /// Unknown ID or wrong password; the two are not told apart.
    WrongCredentials,
    /// Too many wrong passwords; `retry_after_seconds` says how long.
    AccountLocked,
    /// No session token, or one that was never issued or was logged out.
    Unauthenticated,
    /// The session lasted its 2 hours; sign in again.
    SessionExpired,
    /// No such resource.
    NotFound,
    /// Phone path: no insured person has this ID number.
    UnknownId,
    /// Phone path: the last 4 digits are not those of the person's NHI card.
    CardDigitsMismatch,
    /// Phone path: the number is not registered with any carrier.
    MobileNotFound,
    /// Phone path: the number belongs to someone else.
    MobileOwnedByOther,
    /// Phone path: a prepaid number; device-code authentication is the way.
    PrepaidNumber,
    /// The person's NHI card is voided.
    CardVoided,
    /// Too many wrong tries; `retry_after_seconds` says how long to wait.
    TooManyAttempts,
    /// The phone check's ticket expired or was already used: start again.
    TicketInvalid,
    /// No device verification code like this one (mistyped?). `attempts_left` says how many tries remain.
    CodeInvalid,
    /// The device verification code's time is up: produce a new one on the website.
    CodeExpired,
    /// The device verification code was already used.
    CodeUsed,
    /// This device is not bound to this ID: device authentication first.
    DeviceNotBound,
    /// Another device was made the active one for this ID.
    DeviceInactive,
    /// The uploaded image holds no readable QR code.
    QrUnreadable,
    /// The upload is not an image, or is too large.
    BadImage,
    /// The privacy policy and terms were not accepted.
    TermsNotAccepted,
    /// An application refers to an upload that is not the person's.
    UploadNotFound,
    /// The card is approved: its photo cannot change except by cancelling and applying again.
    PhotoLocked,
    /// The person has no card to show or cancel.
    NoCard,
    /// Institution side: the QR code's 5 minutes are over (HIS 1018).
    QrExpired,
    /// Institution side: no such QR code (HIS 1019).
    QrNotFound,
    /// Institution side: the QR code was already used; the patient must refresh (HIS 1020).
    QrReused,
    /// Institution side: the institution is not in the virtual-card programme (HIS 1042).
    NotInProgramme,
    /// Institution side: security-module card or professional card missing or wrong (4012/4014).
    InstitutionCredentials,
    /// My Health Bank: today's data was already requested (one request a day).
    AlreadyRequestedToday,
    /// My Health Bank: the data is still being prepared.
    StillProcessing,
    /// Authorizations: the grantee has no Virtual NHI Card (both sides need one).
    GranteeHasNoCard,
    /// Authorizations: the person's own card is not approved yet (both sides need approved
    /// cards: 授權人及被授權人皆須完成虛擬健保卡申請且通過審核).
    CardNotApproved,
    /// Authorizations: the other side's card is not approved yet.
    OtherCardNotApproved,
    /// Authorizations: the period is not allowed (starts in the past, ends before it starts, too long).
    InvalidPeriod,
    /// Authorizations: only the person named by the grantor can redeem the code.
    NotTheGrantee,
    /// Authorizations: the offer expired, was already redeemed, or was voided.
    OfferInvalid,
    /// Authorizations: cancelled, ended, or not started yet.
    AuthorizationInactive,
    /// Authorizations: the card holder's own card is no longer valid (cancelled or voided).
    GrantorCardInvalid,
    /// Institution side: three wrong PINs blocked this professional card; its institution must
    /// unblock it (HIS 4014).
    ProfessionalCardBlocked,
    /// Video visits: this institution already has an open request for this person.
    VideoVisitOpen,
    /// Video visits: the visit time, department or message is not allowed.
    InvalidVideoVisit,
    /// Video visits: the request was not answered within its 10 minutes.
    VideoVisitExpired,
    /// Video visits: the institution cancelled the request.
    VideoVisitCancelled,
    /// Video visits: the request was already allowed or declined.
    VideoVisitAnswered,
    /// Quick sign-in: the signature did not verify, or the challenge was not one issued for
    /// this ID and device, or was already used. `attempts_left` says how many tries remain.
    QuickSignInRefused,
    /// Quick sign-in: the challenge's 60 seconds were over; ask for a new one.
    ChallengeExpired,
    /// Quick sign-in: too many signatures did not verify; sign in with the password.
    QuickSignInLocked,
    /// Passkeys: the backend is reached by a bare IP address, which WebAuthn cannot name.
    PasskeysUnavailable,
    /// Quick sign-in is on for this person: the action needs its confirmation.
    ApprovalRequired,
    /// 專案申請: the institution is not in the Home Health Care Integration Plan.
    NotInHomeCarePlan,
    /// 專案申請: the person is not a home-care case registered with this institution.
    NotACase,
    /// 專案申請: the name or birth date does not match the insurance records for the ID.
    PersonMismatch,
    /// 專案申請: the person already has an application under review (from any channel).
    ApplicationOpen,
    /// 專案申請: the person already has an approved card.
    CardAlreadyApproved,
    /// 專案申請: the person's consent was not ticked, or its signed form not photographed.
    ConsentRequired,
    /// The request body is larger than this endpoint takes.
    PayloadTooLarge,
    /// A search text is longer than a field takes (`domain::search_text::MAX_SEARCH_CHARS`),
    /// or the whole request's address and headers are longer than the server reads (431).
    SearchTooLong,
    /// The request body stalled, or did not arrive whole within the server's time.
    UploadTooSlow,
    /// The path exists, but not with this method (`Allow` lists the ones it has).
    MethodNotAllowed,
    /// The server is busy; `retry_after_seconds` says when to try again.
    ServiceBusy,
    /// Something failed on the server; the `detail` has no internals.
    Internal,
    /// A code this client version does not know yet.
    #[serde(other)]
    Unknown,
}

impl ProblemCode {
    /// The code on the wire (`no_card`), as serde names it.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The HTTP status and the English title (RFC 9457 `title`) of every answer with this
    /// code, stated once so that one refusal cannot answer differently in two routes. The
    /// `detail` says what happened this time. (One exception: `BadImage` answers 413, 415 or
    /// 422 as the image is too large, not an image or too small — `ApiError::bad_image`.)
    pub fn status_and_title(self) -> (u16, &'static str) {
        match self {
            Self::InvalidRequest => (400, "Invalid request"),
            Self::InvalidIdNumber => (422, "Invalid ID number"),
            Self::InvalidPassword => (422, "Password not allowed"),
            Self::WrongCredentials => (401, "Wrong ID number or password"),
            Self::AccountLocked => (423, "Account locked"),
            Self::Unauthenticated => (401, "Not signed in"),
            Self::SessionExpired => (401, "Session expired"),
            Self::NotFound => (404, "Not found"),
            Self::UnknownId => (404, "Unknown ID number"),
            Self::CardDigitsMismatch => (422, "Card digits do not match"),
            Self::MobileNotFound => (422, "Number not found"),
            Self::MobileOwnedByOther => (422, "Number in someone else's name"),
            Self::PrepaidNumber => (422, "Prepaid number"),
            Self::CardVoided => (403, "Card voided"),
            Self::TooManyAttempts => (429, "Too many attempts"),
            Self::TicketInvalid => (410, "Phone check expired"),
            Self::CodeInvalid => (422, "Wrong code"),
            Self::CodeExpired => (410, "Code expired"),
            Self::CodeUsed => (410, "Code already used"),
            Self::DeviceNotBound => (403, "Device not authenticated"),
            Self::DeviceInactive => (403, "Not the active device"),
            Self::QrUnreadable => (422, "Could not read a QR code"),
            Self::BadImage => (415, "Image not accepted"),
            Self::TermsNotAccepted => (422, "Terms not accepted"),
            Self::UploadNotFound => (422, "Upload not found"),
            Self::PhotoLocked => (409, "Card already approved"),
            Self::NoCard => (404, "No card"),
            Self::QrExpired => (410, "QR code expired"),
            Self::QrNotFound => (404, "QR code not found"),
            Self::QrReused => (409, "QR code already used"),
            Self::NotInProgramme => (403, "Not in the virtual card programme"),
            Self::InstitutionCredentials => (401, "Institution cards not accepted"),
            Self::AlreadyRequestedToday => (409, "Already requested today"),
            Self::StillProcessing => (409, "Still processing"),
            Self::GranteeHasNoCard => (422, "Grantee has no card"),
            Self::CardNotApproved => (409, "Your card is not approved yet"),
            Self::OtherCardNotApproved => (422, "The other card is not approved yet"),
            Self::InvalidPeriod => (422, "Period not allowed"),
            Self::NotTheGrantee => (403, "Not the named grantee"),
            Self::OfferInvalid => (410, "Offer no longer valid"),
            Self::AuthorizationInactive => (403, "Authorization not active"),
            Self::GrantorCardInvalid => (409, "Card holder's card not valid"),
            Self::ProfessionalCardBlocked => (423, "Professional card blocked"),
            Self::VideoVisitOpen => (409, "Request already open"),
            Self::InvalidVideoVisit => (422, "Video visit request not allowed"),
            Self::VideoVisitExpired => (410, "Request expired"),
            Self::VideoVisitCancelled => (410, "Request cancelled"),
            Self::VideoVisitAnswered => (409, "Request already answered"),
            Self::QuickSignInRefused => (401, "Quick sign-in not verified"),
            Self::ChallengeExpired => (410, "Challenge expired"),
            Self::QuickSignInLocked => (423, "Quick sign-in locked"),
            Self::PasskeysUnavailable => (501, "Passkeys not available at this address"),
            Self::ApprovalRequired => (403, "Confirmation with quick sign-in required"),
            Self::NotInHomeCarePlan => (403, "Not in the home-care plan"),
            Self::NotACase => (403, "Not a registered case"),
            Self::PersonMismatch => (422, "Not as in the insurance records"),
            Self::ApplicationOpen => (409, "Application already under review"),
            Self::CardAlreadyApproved => (409, "Card already approved"),
            Self::ConsentRequired => (422, "Consent required"),
            Self::PayloadTooLarge => (413, "Request too large"),
            Self::SearchTooLong => (422, "Search text too long"),
            Self::UploadTooSlow => (408, "Upload too slow"),
            Self::MethodNotAllowed => (405, "Method not allowed"),
            Self::ServiceBusy => (503, "Server busy"),
            Self::Internal => (500, "Internal error"),
            Self::Unknown => (500, "Unknown problem"),
        }
    }
}

/// An error answer: `type`, `title`, `status`, `detail` from RFC 9457, plus extensions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Problem {
    /// `urn:nhi-express:problem:<code>`.
    #[serde(rename = "type")]
    pub type_uri: String,
    pub title: String,
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    pub code: ProblemCode,
    /// When the caller may try again (locked account, rate limits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_seconds: Option<u64>,
    /// Wrong tries left before a lock (wrong password, and later wrong codes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempts_left: Option<u32>,
    /// The clinic-side (HIS) result code, on institution-side answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub his_code: Option<u16>,
}

impl Problem {
    /// The problem of this code, with its status and title.
    pub fn of(code: ProblemCode) -> Self {
        let (status, title) = code.status_and_title();
        Self {
            type_uri: format!("urn:nhi-express:problem:{}", code.as_str()),
            title: title.into(),
            status,
            detail: None,
            code,
            retry_after_seconds: None,
            attempts_left: None,
            his_code: None,
        }
    }

    /// Another status than the code's: only where HTTP itself decided (axum's own rejections)
    /// and for the three kinds of `BadImage`.
    pub fn with_status(mut self, status: u16) -> Self {
        self.status = status;
        self
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    pub fn with_attempts_left(mut self, attempts: u32) -> Self {
        self.attempts_left = Some(attempts);
        self
    }

    pub fn with_his_code(mut self, code: u16) -> Self {
        self.his_code = Some(code);
        self
    }

    pub fn with_retry_after(mut self, seconds: u64) -> Self {
        self.retry_after_seconds = Some(seconds);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_shape_follows_rfc_9457() {
        let p = Problem::of(ProblemCode::AccountLocked)
            .with_detail("Try again in 15 minutes")
            .with_retry_after(900);
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(json["type"], "urn:nhi-express:problem:account_locked");
        assert_eq!(json["status"], 423);
        assert_eq!(json["code"], "account_locked");
        assert_eq!(json["retry_after_seconds"], 900);
    }

    #[test]
    fn every_code_is_named_on_the_wire_as_serde_names_it() {
        use strum::IntoEnumIterator;
        for code in ProblemCode::iter() {
            let wire = serde_json::to_value(code).unwrap();
            assert_eq!(wire, code.as_str(), "{code:?}");
            let (status, title) = code.status_and_title();
            assert!((400..600).contains(&status), "{code:?}");
            assert!(!title.is_empty());
        }
    }

    #[test]
    fn unknown_codes_from_newer_servers_still_parse() {
        let p: Problem =
            serde_json::from_str(r#"{"type":"urn:x","title":"t","status":400,"code":"brand_new"}"#)
                .unwrap();
        assert_eq!(p.code, ProblemCode::Unknown);
    }
}
