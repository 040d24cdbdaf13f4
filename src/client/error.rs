//! Everything that can go wrong talking to the backend, each with words a person
//! understands, in zh-TW and English.

use crate::api::{Problem, ProblemCode};
use crate::domain::Lang;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ClientError {
    #[error("client setup failed: {0}")]
    Setup(String),
    #[error("cannot reach the server")]
    CannotConnect,
    #[error("the server did not answer in time")]
    Timeout,
    #[error("the server's certificate is not trusted")]
    UntrustedCertificate,
    #[error("network error: {0}")]
    Network(String),
    #[error("{}: {}", .0.code.as_str(), .0.title)]
    Problem(Problem),
    #[error("unexpected answer from the server (HTTP {0})")]
    UnexpectedStatus(u16),
    #[error("the server's answer could not be read: {0}")]
    Decode(String),
}

impl ClientError {
    /// The server could not be reached (offline, a dead network, no answer in time): what
    /// the app already shows may still be good.
    pub fn is_unreachable(&self) -> bool {
        matches!(self, Self::CannotConnect | Self::Timeout | Self::Network(_))
    }

    pub(super) fn from_transport(error: reqwest::Error) -> Self {
        if error.is_timeout() {
            return Self::Timeout;
        }
        // rustls reports a certificate it cannot chain to a trusted root as an
        // "invalid peer certificate" somewhere down the source chain.
        let mut source: Option<&dyn std::error::Error> = Some(&error);
        while let Some(e) = source {
            let text = e.to_string();
            if text.contains("invalid peer certificate") || text.contains("UnknownIssuer") {
                return Self::UntrustedCertificate;
            }
            source = e.source();
        }
        // In the browser, fetch reports every transport failure the same way.
        #[cfg(target_arch = "wasm32")]
        let cannot_connect = error.is_request();
        #[cfg(not(target_arch = "wasm32"))]
        let cannot_connect = error.is_connect();
        if cannot_connect {
            Self::CannotConnect
        } else {
            Self::Network(error.to_string())
        }
    }

    /// The server's machine code, when the server answered with a problem.
    pub fn code(&self) -> Option<ProblemCode> {
        match self {
            Self::Problem(p) => Some(p.code),
            _ => None,
        }
    }

    /// True when the person has to sign in again.
    pub fn needs_sign_in(&self) -> bool {
        matches!(
            self.code(),
            Some(ProblemCode::Unauthenticated | ProblemCode::SessionExpired)
        )
    }

    /// What to tell the person.
    pub fn user_message(&self, lang: Lang) -> String {
        let t = |zh: &str, en: &str| lang.pick(zh, en).to_owned();
        match self {
            Self::Setup(_) => t(
                "App 設定有誤，無法建立安全連線，請重新安裝或聯絡客服。",
                "The app is not set up correctly and cannot connect securely. Reinstall it or contact support.",
            ),
            Self::CannotConnect | Self::Network(_) => t(
                "無法連線到伺服器，請確認網路連線後再試一次。",
                "Cannot reach the server. Check your internet connection and try again.",
            ),
            Self::Timeout => t(
                "伺服器沒有回應，請稍後再試。",
                "The server is not answering. Please try again in a moment.",
            ),
            Self::UntrustedCertificate => t(
                "伺服器的憑證不受信任，為保護您的資料已停止連線。",
                "The server's certificate is not trusted, so the app stopped to protect your data.",
            ),
            Self::UnexpectedStatus(_) | Self::Decode(_) => t(
                "伺服器回應異常，請稍後再試。",
                "The server gave an unexpected answer. Please try again later.",
            ),
            Self::Problem(problem) => problem_message(problem, lang),
        }
    }
}

fn problem_message(problem: &Problem, lang: Lang) -> String {
    use ProblemCode as C;
    match problem.code {
        C::InvalidIdNumber => lang
            .pick(
                "身分證號（居留證號）格式或檢查碼不正確，請再檢查一次。",
                "The ID number is not valid (format or check digit). Please check it.",
            )
            .to_owned(),
        C::InvalidPassword => lang
            .pick(
                "密碼須為 6–12 碼，不可含空白、< 或 >。",
                "The password must be 6–12 characters, without spaces, < or >.",
            )
            .to_owned(),
        C::WrongCredentials => {
            let base = lang.pick("身分證號或密碼錯誤。", "Wrong ID number or password.");
            match problem.attempts_left {
                Some(n) => format!(
                    "{base}{}",
                    match lang {
                        Lang::ZhTw => format!("再錯 {n} 次帳號將暫時鎖定。"),
                        Lang::En =>
                            format!(" {n} more wrong attempt(s) will lock the account for a while."),
                    }
                ),
                None => base.to_owned(),
            }
        }
        C::AccountLocked => {
            let minutes = problem.retry_after_seconds.unwrap_or(60).div_ceil(60);
            match lang {
                Lang::ZhTw => format!("密碼錯誤次數過多，帳號已暫時鎖定，請於 {minutes} 分鐘後再試。"),
                Lang::En => format!(
                    "Too many wrong passwords. The account is locked; try again in {minutes} minute(s)."
                ),
            }
        }
        C::Unauthenticated => lang.pick("請先登入。", "Please sign in first.").to_owned(),
        C::SessionExpired => lang
            .pick(
                "登入已超過 2 小時，請重新登入。",
                "You were signed in for 2 hours. Please sign in again.",
            )
            .to_owned(),
        C::InvalidRequest => lang
            .pick(
                "送出的資料有誤，請檢查後再試。",
                "Some of the data sent is not valid. Please check it.",
            )
            .to_owned(),
        C::NotFound => lang
            .pick("找不到要求的資料。", "What you asked for was not found.")
            .to_owned(),
        C::UnknownId => lang
            .pick(
                "查無此身分證號的投保資料，請確認是否輸入正確。",
                "No insured person has this ID number. Please check it.",
            )
            .to_owned(),
        C::CardDigitsMismatch => with_tries(
            lang.pick(
                "健保卡號末 4 碼不正確，請看健保卡正面的卡號。",
                "These are not the last 4 digits of your NHI card number (printed on the front).",
            ),
            problem,
            lang,
        ),
        C::MobileNotFound => with_tries(
            lang.pick(
                "電信業者查無此手機號碼，請確認號碼。",
                "No carrier has this mobile number. Please check it.",
            ),
            problem,
            lang,
        ),
        C::MobileOwnedByOther => with_tries(
            lang.pick(
                "此手機號碼不是以您本人名義申辦，請使用本人名下的月租型門號，或改用「裝置碼認證」。",
                "This number is not in your own name. Use a monthly-contract number in your name, or use device code authentication.",
            ),
            problem,
            lang,
        ),
        C::PrepaidNumber => lang
            .pick(
                "預付卡門號無法進行行動電話認證，請改用「裝置碼認證」：先到健保卡網路服務註冊網站註冊並產生驗證碼。",
                "Prepaid numbers cannot be used for phone authentication. Use device code authentication instead: register on the NHI Card Online Services Registration website and produce a code there.",
            )
            .to_owned(),
        C::CardVoided => lang
            .pick(
                "您的健保卡已註銷，無法使用虛擬健保卡服務。",
                "Your NHI card is voided, so the virtual card services cannot be used.",
            )
            .to_owned(),
        C::TooManyAttempts => {
            let minutes = problem.retry_after_seconds.unwrap_or(60).div_ceil(60);
            match lang {
                Lang::ZhTw => format!("錯誤次數過多，請於 {minutes} 分鐘後再試。"),
                Lang::En => format!("Too many wrong tries. Please try again in {minutes} minute(s)."),
            }
        }
        C::TicketInvalid => lang
            .pick(
                "認證已逾時，請重新進行行動電話認證。",
                "The phone check has timed out. Please start the phone authentication again.",
            )
            .to_owned(),
        C::CodeInvalid => with_tries(
            lang.pick(
                "驗證碼不正確，請依網站顯示的大小寫重新輸入。",
                "The code is not right. Type it again exactly as shown, upper and lower case.",
            ),
            problem,
            lang,
        ),
        C::CodeExpired => lang
            .pick(
                "驗證碼已逾期，請到註冊網站重新產生。",
                "The code has expired. Produce a new one on the registration website.",
            )
            .to_owned(),
        C::CodeUsed => lang
            .pick(
                "此驗證碼已使用過，請到註冊網站重新產生。",
                "This code was already used. Produce a new one on the registration website.",
            )
            .to_owned(),
        C::DeviceNotBound => lang
            .pick(
                "此裝置尚未完成裝置認證，請先進行「裝置認證」。",
                "This device is not authenticated for this ID yet. Please do device authentication first.",
            )
            .to_owned(),
        C::DeviceInactive => lang
            .pick(
                "此帳號已改由其他裝置使用。請在註冊網站的「行動裝置管理」將本裝置設為使用中，或重新進行裝置認證。",
                "Another device is now the active one for this ID. Make this device active in the registration website's device management, or authenticate it again.",
            )
            .to_owned(),
        C::QrUnreadable => lang
            .pick(
                "無法讀取 QR 碼，請靠近一點、正對畫面、避免反光後再試。",
                "Could not read a QR code. Get closer, hold it straight, avoid glare, and try again.",
            )
            .to_owned(),
        C::BadImage => lang
            .pick(
                "這不是可讀取的圖片，或檔案太大。",
                "This is not a readable image, or the file is too large.",
            )
            .to_owned(),
        C::TermsNotAccepted => lang
            .pick("請先勾選同意隱私權政策及服務條款。", "Please tick to agree to the privacy policy and the terms first.")
            .to_owned(),
        C::UploadNotFound => lang
            .pick("上傳的圖片已失效，請重新選擇。", "The uploaded images are no longer available. Please choose them again.")
            .to_owned(),
        C::PhotoLocked => lang
            .pick(
                "虛擬健保卡已核准，照片無法更換；如需更換，請先註銷虛擬健保卡再重新申辦。",
                "Your card is approved, so its photo cannot be changed. To change it, cancel the card and apply again.",
            )
            .to_owned(),
        C::NoCard => lang
            .pick("您尚未申辦虛擬健保卡。", "You have no Virtual NHI Card yet.")
            .to_owned(),
        C::QrExpired | C::QrReused | C::QrNotFound => lang
            .pick("這個 QR 碼已失效，請更新後再出示。", "This QR code is no longer valid. Update it and show it again.")
            .to_owned(),
        C::NotInProgramme | C::InstitutionCredentials | C::ProfessionalCardBlocked => lang
            .pick("院所端驗證失敗。", "The institution could not be verified.")
            .to_owned(),
        C::AlreadyRequestedToday => lang
            .pick("今天已申請過資料，每天限申請一次。", "Today's data was already requested; one request a day.")
            .to_owned(),
        C::StillProcessing => lang
            .pick("資料處理中，請約 10 分鐘後再按「重新整理」。", "Still processing. Press Refresh in about 10 minutes.")
            .to_owned(),
        C::GranteeHasNoCard => lang
            .pick("被授權人尚未申辦虛擬健保卡，雙方都須持有虛擬健保卡。", "The person you authorize has no Virtual NHI Card; both sides need one.")
            .to_owned(),
        C::InvalidPeriod => lang
            .pick("授權期間有誤：不可早於今天、結束日不可早於開始日，且最長一年。", "The period is not allowed: from today on, ending on or after its start, at most a year.")
            .to_owned(),
        C::NotTheGrantee => lang
            .pick("這個授權碼不是給您的，只有授權人指定的人可以使用。", "This code is not for you; only the person named by the card holder can use it.")
            .to_owned(),
        C::OfferInvalid => lang
            .pick("授權碼已失效（超過 5 分鐘、已使用或已作廢），請請對方重新產生。", "The authorization code is no longer valid (over 5 minutes, used, or void). Ask for a new one.")
            .to_owned(),
        C::GrantorCardInvalid => lang
            .pick("授權人的虛擬健保卡已註銷或失效，目前無法代為出示。", "The card holder's Virtual NHI Card is cancelled or no longer valid, so it cannot be shown for them now.")
            .to_owned(),
        C::AuthorizationInactive => lang
            .pick("此授權已取消、已到期或尚未開始。", "This authorization is cancelled, has ended, or has not started yet.")
            .to_owned(),
        C::PayloadTooLarge => lang
            .pick("檔案太大，無法上傳。", "The file is too large to upload.")
            .to_owned(),
        C::ServiceBusy => lang
            .pick("伺服器忙碌中，請稍候幾秒再試。", "The server is busy. Please try again in a few seconds.")
            .to_owned(),
        C::Internal | C::MethodNotAllowed | C::Unknown => lang
            .pick(
                "伺服器發生錯誤，請稍後再試。",
                "Something went wrong on the server. Please try again later.",
            )
            .to_owned(),
    }
}

/// A message, plus how many tries are left when the server said.
fn with_tries(text: &str, problem: &Problem, lang: Lang) -> String {
    match (problem.attempts_left, lang) {
        (Some(n), Lang::ZhTw) => format!("{text}（尚可再試 {n} 次）"),
        (Some(n), Lang::En) => format!("{text} ({n} tries left)"),
        (None, _) => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locked_account_says_how_long_in_both_languages() {
        let e = ClientError::Problem(Problem::of(ProblemCode::AccountLocked).with_retry_after(850));
        assert!(e.user_message(Lang::ZhTw).contains("15 分鐘"));
        assert!(e.user_message(Lang::En).contains("15 minute"));
    }

    #[test]
    fn wrong_password_counts_down() {
        let e =
            ClientError::Problem(Problem::of(ProblemCode::WrongCredentials).with_attempts_left(2));
        assert!(e.user_message(Lang::ZhTw).contains("再錯 2 次"));
        assert!(e.user_message(Lang::En).contains("2 more wrong"));
    }

    #[test]
    fn expired_sessions_ask_to_sign_in_again() {
        let e = ClientError::Problem(Problem::of(ProblemCode::SessionExpired));
        assert!(e.needs_sign_in());
        assert!(!ClientError::Timeout.needs_sign_in());
    }
}
