//! The backend's storage, behind one trait so that SQLite (embedded, one file) and a
//! server engine can stand in for each other. Every method is one atomic step: callers
//! never hold a transaction across an await of their own.

mod announcements;
mod attempts;
mod authorizations;
mod card_qrs;
mod cards;
mod certificates;
mod columns;
mod consents;
mod contacts;
mod devices;
mod health;
mod outbox;
mod password_resets;
mod postgres;
mod quick_sign_in;
mod registrations;
mod sessions;
mod sqlite;
mod staff_applications;
mod video_visits;

pub use announcements::{AnnouncementRecord, Announcements};
pub use attempts::Attempts;
pub use authorizations::{AuthorizationRecord, Authorizations};
pub use card_qrs::{CardQrs, Consumed, InstitutionRecord, OwnCodeUse, QrUse};
pub use cards::{Application, AppliedBy, CardAtCounter, Cards, Decision, NewApplication, Upload};
pub use certificates::Certificates;
pub use consents::Consents;
pub use contacts::{Contact, ContactChange, ContactField, Contacts, EmailChanged};
pub use devices::{BindingSecret, DeviceBinding, Devices, SecretKind};
pub use health::{HealthBank, HealthRecord, HealthRequest};
pub use outbox::{Mail, Outbox, Sms};
pub use password_resets::PasswordResets;
pub use postgres::{PostgresSettings, PostgresStore};
pub use quick_sign_in::{
    ChallengeFor, ChallengeKind, KeyInUse, QuickSignInKeyRecord, QuickSignInKeys, SpentChallenge,
};
pub use registrations::{Registration, Registrations};
pub use sessions::{
    NewSession, SessionKind, SessionRecord, SessionWithCard, Sessions, StaffSessionRecord,
};
pub use sqlite::SqliteStore;
pub use staff_applications::{ConsentForm, StaffApplications};
pub use video_visits::{Answer, Created, Settled, VideoVisitRecord, VideoVisits};

use async_trait::async_trait;
use chrono::NaiveDate;
use columns::Column;

use nhi_core::domain::{CardNumber, IdNumber, MobileNumber};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// From the SQLite store's statements run on the calling thread (`sqlite::direct`).
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("database migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is inconsistent: {0}")]
    Corrupt(String),
    #[error("cannot reach the database at {at}: {source}")]
    Unreachable { at: String, source: sqlx::Error },
    #[error(
        "the database's schema is newer than this backend (it has migration {0}, which this \
         build does not know): run the newer backend, or a database of this version"
    )]
    SchemaTooNew(i64),
}

impl StoreError {
    /// The database is busy (SQLite locked past its busy timeout; a PostgreSQL statement
    /// cancelled by its timeout, a deadlock, no free connection) or cannot be reached for
    /// the moment: the request may well succeed if tried again shortly (503, Retry-After).
    pub fn is_busy(&self) -> bool {
        match self {
            StoreError::Database(sqlx::Error::Database(e)) => {
                let code = e.code();
                let code = code.as_deref().unwrap_or_default();
                // SQLITE_BUSY (5) and SQLITE_LOCKED (6), with their extended codes.
                let sqlite_busy = code.parse::<u32>().is_ok_and(|c| matches!(c & 0xff, 5 | 6));
                // PostgreSQL: query_canceled (the statement timeout), too_many_connections,
                // cannot_connect_now (starting up), serialization_failure, deadlock_detected,
                // admin_shutdown.
                let postgres_busy = matches!(
                    code,
                    "57014" | "53300" | "57P03" | "40001" | "40P01" | "57P01"
                );
                sqlite_busy || postgres_busy
            }
            StoreError::Database(
                sqlx::Error::PoolTimedOut | sqlx::Error::Io(_) | sqlx::Error::PoolClosed,
            ) => true,
            StoreError::Sqlite(e) => sqlite::is_busy(e),
            _ => false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    Male,
    Female,
}

/// A person as the NHI card's basic data describes them.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PersonRecord {
    #[sqlx(try_from = "Column<IdNumber>")]
    pub id_number: IdNumber,
    pub name: String,
    pub birth_date: NaiveDate,
    #[sqlx(try_from = "Column<Sex>")]
    pub sex: Sex,
    #[sqlx(try_from = "Column<CardNumber>")]
    pub card_number: CardNumber,
    pub card_issue_date: NaiveDate,
    pub card_voided: bool,
    pub email: Option<String>,
}

/// A registration account. (Wrong-password counts live with the attempt limiter.)
#[derive(Debug, Clone)]
pub struct AccountRecord {
    pub person: PersonRecord,
    /// PHC string (argon2id).
    pub password_hash: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contract {
    Monthly,
    Prepaid,
}

/// A number in the simulated telecom registry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TelecomSubscription {
    pub mobile: MobileNumber,
    pub owner_id: IdNumber,
    pub carrier: String,
    pub contract: Contract,
}

/// Everything the backend keeps, one trait per concern.
pub trait Store:
    People
    + Sessions
    + Devices
    + Registrations
    + Consents
    + Contacts
    + PasswordResets
    + Outbox
    + Attempts
    + Cards
    + CardQrs
    + HealthBank
    + Authorizations
    + Certificates
    + VideoVisits
    + QuickSignInKeys
    + StaffApplications
    + Announcements
    + Jobs
{
}

/// Held while a background job runs; dropping it lets another instance run the job.
pub type JobLock = Box<dyn std::any::Any + Send>;

/// Background jobs (the session sweep, automatic approval) run on one instance at a time.
#[async_trait]
pub trait Jobs: Send + Sync + 'static {
    /// The job's lock if no other instance holds it now; `None`: skip this round.
    async fn try_job(&self, name: &str) -> Result<Option<JobLock>, StoreError>;
}

impl<T> Store for T where
    T: People
        + Sessions
        + Devices
        + Registrations
        + Consents
        + Contacts
        + PasswordResets
        + Outbox
        + Attempts
        + Cards
        + CardQrs
        + HealthBank
        + Authorizations
        + Certificates
        + VideoVisits
        + QuickSignInKeys
        + StaffApplications
        + Announcements
        + Jobs
{
}

/// Persons, their accounts, and the telecom registry.
#[async_trait]
pub trait People: Send + Sync + 'static {
    async fn person_count(&self) -> Result<u64, StoreError>;
    async fn insert_person(&self, person: &PersonRecord) -> Result<(), StoreError>;
    async fn insert_account(&self, id: &IdNumber, password_hash: &str) -> Result<(), StoreError>;
    /// Creates the account or replaces its password, and ends every session of the ID (a
    /// password reset throws out whoever was signed in with the old one).
    async fn set_password(&self, id: &IdNumber, password_hash: &str) -> Result<(), StoreError>;
    /// A signed-in person's new password: every other app and website session of the ID
    /// ends; the one with `keep_token_hash` (where the change was made) stays.
    async fn change_password(
        &self,
        id: &IdNumber,
        password_hash: &str,
        keep_token_hash: &[u8],
    ) -> Result<(), StoreError>;
    async fn find_person(&self, id: &IdNumber) -> Result<Option<PersonRecord>, StoreError>;
    async fn find_subscription(
        &self,
        mobile: &MobileNumber,
    ) -> Result<Option<TelecomSubscription>, StoreError>;
    async fn insert_subscription(&self, sub: &TelecomSubscription) -> Result<(), StoreError>;
    /// A monthly-contract number in the person's name (the kind the phone path accepts),
    /// where the carrier can reach them by SMS.
    async fn monthly_number_of(&self, owner: &IdNumber) -> Result<Option<String>, StoreError>;

    async fn find_account(&self, id: &IdNumber) -> Result<Option<AccountRecord>, StoreError>;
}
