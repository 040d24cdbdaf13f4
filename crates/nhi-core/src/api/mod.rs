//! The wire protocol of the HTTPS API, shared by the client and the backend.
//! Everything is versioned under `/api/v1`; errors are RFC 9457 problem details.

pub mod announcement;
pub mod authorization;
mod base64_text;
pub mod card;
pub mod card_qr;
pub mod device;
pub mod health_bank;
pub mod problem;
pub mod quick_sign_in;
pub mod session;
pub mod video_visit;

pub use announcement::Announcement;
pub use authorization::{
    AuthorizationList, AuthorizationOffer, AuthorizationState, AuthorizationUse, AuthorizationView,
    CreateAuthorization, Party, RedeemAuthorization,
};
pub use card::{
    ApplicationRecord, ApplicationView, CardState, CardView, CounterStaffLogin,
    CounterStaffSession, StaffApplication, StaffApplicationFiled, StaffPersonCheck,
    StaffPersonChecked, SubmitApplication, UploadResponse,
};
pub use card_qr::{CardQr, Institution, QrState, QrStatus, Verification, VerifyRequest};
pub use device::{
    BindRequest, BindResponse, BindingProof, DeviceInfo, PhoneCheckRequest, PhoneCheckResponse,
    QrScanResponse,
};
pub use health_bank::{
    CategoryCount, DataRequest, HealthBankOverview, RecordDetail, RecordPage, RecordSummary,
};
pub use problem::{Problem, ProblemCode};
pub use quick_sign_in::{
    ActionApproval, Challenge, ChallengeRequest, EnrolKey, EnrolPasskey, PasskeyCeremony,
    PasskeyCeremonyRequest, PasskeySignIn, QuickSignIn, QuickSignInKey, QuickSignInKeys,
};
pub use session::{ChangePassword, LoginRequest, LoginResponse, Me, Person};
pub use video_visit::{
    AnswerVideoVisit, CardUse, CreateVideoVisit, VideoVisitAnswer, VideoVisitRequest,
    VideoVisitState, VideoVisitStatus,
};

/// The path prefix of this version of the API.
pub const V1: &str = "/api/v1";

/// Paths below [`V1`], so the client and the router cannot drift apart.
pub mod paths {
    pub const HEALTH: &str = "/health";
    pub const SESSIONS: &str = "/sessions";
    pub const CURRENT_SESSION: &str = "/sessions/current";
    pub const ME: &str = "/me";
    pub const MY_PASSWORD: &str = "/me/password";
    pub const OPENAPI: &str = "/openapi.json";
    pub const PHONE_CHECKS: &str = "/device-bindings/phone-checks";
    pub const DEVICE_BINDINGS: &str = "/device-bindings";
    pub const QR_SCANS: &str = "/qr-scans";
    pub const ANNOUNCEMENTS: &str = "/announcements";
    pub const CARD: &str = "/card";
    pub const CARD_PHOTO: &str = "/card/photo";
    pub const CARD_APPLICATIONS: &str = "/card/applications";
    pub const DOCUMENT_UPLOADS: &str = "/card/uploads/id-document";
    pub const PHOTO_UPLOADS: &str = "/card/uploads/photo";
    pub const CARD_QR: &str = "/card/qr";
    pub const VERIFICATIONS: &str = "/institution/verifications";
    pub const VERIFICATION_IMAGES: &str = "/institution/verifications/image";
    pub const INSTITUTIONS: &str = "/institutions";
    pub const HEALTH_BANK: &str = "/health-bank";
    pub const HEALTH_REQUESTS: &str = "/health-bank/requests";
    pub const AUTHORIZATIONS: &str = "/authorizations";
    pub const REDEMPTIONS: &str = "/authorizations/redemptions";
    pub const CARD_USES: &str = "/card/uses";
    pub const CARD_VIDEO_VISITS: &str = "/card/video-visits";
    pub const INSTITUTION_VIDEO_VISITS: &str = "/institution/video-visits";
    pub const QUICK_SIGN_IN_CHALLENGES: &str = "/quick-sign-in/challenges";
    pub const QUICK_SIGN_IN_KEYS: &str = "/quick-sign-in/keys";
    pub const QUICK_SIGN_IN_SESSIONS: &str = "/quick-sign-in/sessions";
    pub const PASSKEYS: &str = "/quick-sign-in/passkeys";
    pub const PASSKEY_REGISTRATIONS: &str = "/quick-sign-in/passkeys/registrations";
    pub const PASSKEY_AUTHENTICATIONS: &str = "/quick-sign-in/passkeys/authentications";
    pub const PASSKEY_SESSIONS: &str = "/quick-sign-in/passkeys/sessions";
}
