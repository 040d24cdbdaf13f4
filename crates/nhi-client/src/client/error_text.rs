//! What to tell the person when talking to the backend went wrong: each transport failure
//! and each problem code the API documents, mapped to its catalogue message, so a refusal
//! reads in the person's language whatever the server's own title says.

use super::ClientError;
use nhi_core::api::{Problem, ProblemCode};
use nhi_core::i18n::Lang;
use nhi_core::tr;

impl ClientError {
    /// What to tell the person.
    pub fn user_message(&self, lang: Lang) -> String {
        let t = |id: &str| lang.t(id);
        match self {
            Self::Setup(_) => t("error-app-not-set-up"),
            Self::CannotConnect | Self::Network(_) => t("error-cannot-reach-server-check"),
            Self::Timeout => t("error-server-not-answering-try"),
            Self::UntrustedCertificate => t("error-untrusted-certificate"),
            // What a server answers before reading a request whose address or headers are too
            // long (a long search): the person's input, not the server's fault.
            Self::UnexpectedStatus(414 | 431) => t("error-search-too-long"),
            Self::UnexpectedStatus(_) | Self::Decode(_) => t("error-server-gave-unexpected-answer"),
            Self::Problem(problem) => problem_message(problem, lang),
        }
    }
}

fn problem_message(problem: &Problem, lang: Lang) -> String {
    use ProblemCode as C;
    match problem.code {
        C::InvalidIdNumber => lang.t("error-id-number-not-valid"),
        C::InvalidPassword => lang.t("error-password-must-6-12"),
        C::WrongCredentials => match problem.attempts_left {
            Some(n) => tr!(lang, "error-wrong-credentials-attempts", n = n),
            None => lang.t("error-wrong-id-number-password"),
        },
        C::AccountLocked => {
            let minutes = problem.retry_after_seconds.unwrap_or(60).div_ceil(60);
            tr!(lang, "error-account-locked", minutes = minutes)
        }
        C::Unauthenticated => lang.t("error-sign-in-first"),
        C::SessionExpired => lang.t("common-session-ended"),
        C::InvalidRequest => lang.t("error-some-data-sent-not"),
        C::NotFound => lang.t("error-what-asked-was-not"),
        C::UnknownId => lang.t("error-no-insured-person-has"),
        C::CardDigitsMismatch => with_tries(lang.t("error-card-digits-mismatch"), problem, lang),
        C::MobileNotFound => with_tries(lang.t("error-no-carrier-has-mobile"), problem, lang),
        C::MobileOwnedByOther => with_tries(lang.t("error-number-not-own-name"), problem, lang),
        C::PrepaidNumber => lang.t("error-prepaid-numbers-cannot-used"),
        C::CardVoided => lang.t("error-nhi-card-voided-so"),
        C::TooManyAttempts => {
            let minutes = problem.retry_after_seconds.unwrap_or(60).div_ceil(60);
            tr!(lang, "error-too-many-attempts", minutes = minutes)
        }
        C::TicketInvalid => lang.t("error-phone-check-has-timed"),
        C::CodeInvalid => with_tries(lang.t("error-code-not-right-type"), problem, lang),
        C::CodeExpired => lang.t("error-code-has-expired-produce"),
        C::CodeUsed => lang.t("error-code-was-already-used"),
        C::DeviceNotBound => lang.t("error-device-not-authenticated-id"),
        C::DeviceInactive => lang.t("error-another-device-now-active"),
        C::QrUnreadable => lang.t("error-could-not-read-qr"),
        C::BadImage => lang.t("error-not-readable-image-file"),
        C::TermsNotAccepted => lang.t("error-tick-agree-privacy-policy"),
        C::UploadNotFound => lang.t("error-uploaded-images-are-no"),
        C::PhotoLocked => lang.t("error-card-approved-so-its"),
        C::NoCard => lang.t("error-have-no-virtual-nhi"),
        C::QrExpired | C::QrReused | C::QrNotFound => lang.t("error-qr-code-no-longer"),
        C::NotInProgramme | C::InstitutionCredentials | C::ProfessionalCardBlocked => {
            lang.t("error-institution-could-not-verified")
        }
        C::AlreadyRequestedToday => lang.t("error-already-requested-today"),
        C::StillProcessing => lang.t("error-still-processing-press-refresh"),
        C::GranteeHasNoCard => lang.t("error-person-authorize-has-no"),
        C::CardNotApproved => lang.t("error-own-card-not-approved"),
        C::OtherCardNotApproved => lang.t("error-other-card-not-approved"),
        C::InvalidPeriod => lang.t("error-period-not-allowed-from"),
        C::NotTheGrantee => lang.t("error-code-not-only-person"),
        C::OfferInvalid => lang.t("error-authorization-code-no-longer"),
        C::GrantorCardInvalid => lang.t("error-holder-card-invalid"),
        C::AuthorizationInactive => lang.t("error-authorization-cancelled-has-ended"),
        C::VideoVisitExpired => lang.t("error-video-visit-expired"),
        C::VideoVisitCancelled => lang.t("error-video-visit-cancelled"),
        C::VideoVisitAnswered => lang.t("error-video-visit-answered"),
        // Refusals of the institution's own requests: the app never makes one.
        C::VideoVisitOpen | C::InvalidVideoVisit => lang.t("error-some-data-sent-not"),
        C::QuickSignInRefused => with_tries(lang.t("error-quick-sign-in-refused"), problem, lang),
        C::ChallengeExpired => lang.t("error-quick-sign-in-expired"),
        C::QuickSignInLocked => lang.t("error-quick-sign-in-locked"),
        C::PasskeysUnavailable => lang.t("quick-sign-in-unavailable-system"),
        C::ApprovalRequired => lang.t("error-quick-sign-in-approval-required"),
        C::NotInHomeCarePlan => lang.t("error-staff-not-in-plan"),
        C::NotACase => lang.t("error-staff-not-a-case"),
        C::PersonMismatch => with_tries(lang.t("error-staff-person-mismatch"), problem, lang),
        C::ApplicationOpen => lang.t("error-staff-application-open"),
        C::CardAlreadyApproved => lang.t("error-staff-card-approved"),
        C::ConsentRequired => lang.t("error-staff-consent-required"),
        C::PayloadTooLarge => lang.t("error-file-too-large-upload"),
        C::SearchTooLong => lang.t("error-search-too-long"),
        C::ServiceBusy => lang.t("error-server-busy-try-again"),
        C::UploadTooSlow => lang.t("error-upload-too-slow"),
        C::Internal | C::MethodNotAllowed | C::Unknown => {
            lang.t("error-something-went-wrong-server")
        }
    }
}

/// A message, plus how many tries are left when the server said.
fn with_tries(text: String, problem: &Problem, lang: Lang) -> String {
    match problem.attempts_left {
        Some(n) => text + &tr!(lang, "common-tries-left", n = n),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_too_long_for_the_server_reads_as_too_long_not_as_its_fault() {
        // A browser's HTTP/2 request whose address is past the server's header limit.
        for status in [414, 431] {
            let e = ClientError::UnexpectedStatus(status);
            assert!(e.user_message(Lang::ZhTw).contains("太長"));
            assert!(!e.user_message(Lang::ZhTw).contains("伺服器"));
        }
        let other = ClientError::UnexpectedStatus(502).user_message(Lang::ZhTw);
        assert!(other.contains("伺服器"), "{other}");
    }

    #[test]
    fn locked_account_says_how_long_in_every_language() {
        let e = ClientError::Problem(Problem::of(ProblemCode::AccountLocked).with_retry_after(850));
        assert!(e.user_message(Lang::ZhTw).contains("15 分鐘"));
        assert!(e.user_message(Lang::En).contains("15 minutes"));
        let one =
            ClientError::Problem(Problem::of(ProblemCode::AccountLocked).with_retry_after(30));
        assert!(one.user_message(Lang::En).contains("in a minute"));
        for lang in Lang::ALL {
            assert!(e.user_message(lang).contains("15"), "{lang:?}");
        }
    }

    #[test]
    fn wrong_password_counts_down() {
        let e =
            ClientError::Problem(Problem::of(ProblemCode::WrongCredentials).with_attempts_left(2));
        assert!(e.user_message(Lang::ZhTw).contains("再錯 2 次"));
        assert!(e.user_message(Lang::En).contains("2 more wrong attempts"));
    }

    #[test]
    fn every_problem_code_has_words_in_every_language() {
        use strum::IntoEnumIterator;
        for code in ProblemCode::iter() {
            for lang in Lang::ALL {
                let text = ClientError::Problem(Problem::of(code)).user_message(lang);
                assert!(!text.starts_with("error-"), "{code:?} in {lang:?}: {text}");
            }
        }
    }
}
