//! The statements both stores run, one file per concern, in the SQL SQLite and PostgreSQL
//! both speak (`$1` parameters, `TRUE`/`FALSE`, `ON CONFLICT`, `RETURNING`). This folder is
//! compiled into each engine's module (`sqlite`, `postgres`), which names its types
//! (`Engine`, `EngineDb`, `EngineRow`) and gives the few steps that differ: the pools
//! (`reader`, `writer`), `begin_write`, `lock_person`, and how the round trip's statements
//! run (`round_trip`).

use super::super::StoreError;
pub(super) use super::{lock_person, Engine, EngineDb, EngineRow};

/// The person columns every query that returns a person selects (`p` is `persons`).
pub(in crate::store) const PERSON_COLUMNS: &str =
    "p.id_number, p.name, p.birth_date, p.sex, p.card_number, \
     p.card_issue_date, p.card_voided, p.email";

fn corrupt(what: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(what.to_string())
}

mod announcements;
mod attempts;
mod authorizations;
pub(super) mod card_qrs;
mod cards;
mod certificates;
mod consents;
mod contacts;
mod devices;
mod health;
mod outbox;
mod password_resets;
mod persons;
mod quick_sign_in;
mod registrations;
pub(super) mod round_trip;
mod sessions;
mod staff_applications;
mod video_visits;
