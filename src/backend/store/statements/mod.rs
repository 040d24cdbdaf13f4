//! The statements both stores run, one file per concern, in the SQL SQLite and PostgreSQL
//! both speak (`$1` parameters, `TRUE`/`FALSE`, `ON CONFLICT`, `RETURNING`). This folder is
//! compiled into each engine's module (`sqlite`, `postgres`), which names its types
//! (`Engine`, `EngineDb`, `EngineRow`) and gives the few steps that differ: the pools
//! (`reader`, `writer`), `begin_write`, `lock_person` and `take_visit_number`.

pub(super) use super::{corrupt, lock_person, Engine, EngineDb, EngineRow, PERSON_COLUMNS};

mod attempts;
mod authorizations;
pub(super) mod card_qrs;
mod cards;
mod certificates;
mod devices;
mod health;
mod outbox;
mod persons_sessions;
mod registrations;
