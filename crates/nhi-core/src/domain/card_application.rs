//! The rules of applying for the Virtual NHI Card (虛擬健保卡申辦): which ID document a person
//! uploads, what a photo must be, the review outcomes.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::IdKind;

/// Under this age the applicant may upload the NHI card instead of an ID card.
pub const CHILD_UNDER: u32 = 14;
/// The photo (and the ID document) uploaded must be smaller than this.
pub const MAX_UPLOAD_BYTES: usize = 5 * 1024 * 1024;
/// Pixels an image may claim before anything decodes it: a 140 KB PNG can claim 12000×12000
/// grey pixels (a decompression bomb). 40 MP is more than any phone camera takes.
pub const MAX_IMAGE_PIXELS: u64 = 40_000_000;
/// The smallest photo that prints well on the card (portrait).
pub const MIN_PHOTO_WIDTH: u32 = 300;
pub const MIN_PHOTO_HEIGHT: u32 = 400;
/// The smallest readable ID document image.
pub const MIN_DOCUMENT_SIDE: u32 = 600;

/// Which document's front the applicant uploads in step 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// 國民身分證正面.
    NationalIdCard,
    /// Under 14: 國民身分證或健保卡正面.
    IdCardOrNhiCard,
    /// Foreign residents: 居留證正面.
    ResidencePermit,
}

/// Full years between the birth date and `today`.
pub fn age_on(birth: NaiveDate, today: NaiveDate) -> u32 {
    let mut years = today.year() - birth.year();
    if (today.month(), today.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years.max(0) as u32
}

pub fn required_document(kind: IdKind, birth: NaiveDate, today: NaiveDate) -> DocumentKind {
    match kind {
        IdKind::ResidentNew | IdKind::ResidentOld => DocumentKind::ResidencePermit,
        IdKind::National if age_on(birth, today) < CHILD_UNDER => DocumentKind::IdCardOrNhiCard,
        IdKind::National => DocumentKind::NationalIdCard,
    }
}

/// Who made an application (the manuals' three ways to apply).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Channel {
    /// The person in the app (一般申請).
    App,
    /// A professional of a Home Health Care Integration Plan institution, for a registered
    /// case (專案申請，醫事人員).
    HomeCare,
    /// NHIA counter staff at a regional division (專案申請，臨櫃人員).
    Counter,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// Where an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationStatus {
    UnderReview,
    Approved,
    Rejected,
    /// Replaced by a newer application while under review.
    Superseded,
    /// The card was cancelled by its holder.
    Cancelled,
}

impl ApplicationStatus {
    /// Whether an application in this state gives its holder a card to show: under review
    /// (a QR code, no photo yet) or approved.
    pub fn gives_a_card(self) -> bool {
        matches!(self, Self::UnderReview | Self::Approved)
    }
}

/// "The card is usable": its application gives a card and the person's NHI card is not
/// voided. Showing a QR, verifying it at the counter and authorizing others all ask this.
pub fn card_usable(status: ApplicationStatus, nhi_card_voided: bool) -> bool {
    status.gives_a_card() && !nhi_card_voided
}

/// "The card may authorize and be authorized": approved, and the NHI card not voided. A card
/// under review shows its photo-less QR but does not take part in authorizations (授權人及
/// 被授權人皆須完成虛擬健保卡申請且通過審核).
pub fn card_approved(status: ApplicationStatus, nhi_card_voided: bool) -> bool {
    status == ApplicationStatus::Approved && !nhi_card_voided
}

/// The standard reasons a reviewer gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RejectReason {
    IdCardRequired,
    PhotoDoesNotMatch,
    BackgroundNotWhite,
    FaceNotClear,
    HeadCropped,
    Other,
}

impl RejectReason {
    pub const ALL: [RejectReason; 6] = [
        Self::IdCardRequired,
        Self::PhotoDoesNotMatch,
        Self::BackgroundNotWhite,
        Self::FaceNotClear,
        Self::HeadCropped,
        Self::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::IdCardRequired => "id_card_required",
            Self::PhotoDoesNotMatch => "photo_does_not_match",
            Self::BackgroundNotWhite => "background_not_white",
            Self::FaceNotClear => "face_not_clear",
            Self::HeadCropped => "head_cropped",
            Self::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == text)
    }

    /// The catalogue message for the reason as the applicant reads it.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::IdCardRequired => "card-application-applicants-aged-14-over",
            Self::PhotoDoesNotMatch => "card-application-photo-does-not-match",
            Self::BackgroundNotWhite => "card-application-photo-s-background-not",
            Self::FaceNotClear => "card-application-face-not-clear",
            Self::HeadCropped => "card-application-head-cropped",
            Self::Other => "card-application-other",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn ages_count_full_years() {
        assert_eq!(age_on(d(2012, 11, 24), d(2026, 11, 23)), 13);
        assert_eq!(age_on(d(2012, 11, 23), d(2026, 11, 23)), 14);
        assert_eq!(age_on(d(1981, 1, 1), d(2026, 11, 23)), 45);
    }

    #[test]
    fn the_document_follows_age_and_id_kind() {
        let today = d(2026, 11, 23);
        assert_eq!(
            required_document(IdKind::National, d(1981, 1, 1), today),
            DocumentKind::NationalIdCard
        );
        assert_eq!(
            required_document(IdKind::National, d(2015, 6, 1), today),
            DocumentKind::IdCardOrNhiCard
        );
        assert_eq!(
            required_document(IdKind::National, d(2012, 11, 23), today),
            DocumentKind::NationalIdCard
        );
        assert_eq!(
            required_document(IdKind::ResidentNew, d(1990, 9, 9), today),
            DocumentKind::ResidencePermit
        );
        assert_eq!(
            required_document(IdKind::ResidentOld, d(1990, 9, 9), today),
            DocumentKind::ResidencePermit
        );
    }

    #[test]
    fn reasons_round_trip() {
        for r in RejectReason::ALL {
            assert_eq!(RejectReason::parse(r.as_str()), Some(r));
        }
        assert_eq!(RejectReason::parse("nope"), None);
    }
}
