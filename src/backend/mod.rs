//! The reference backend: every server the app talks to, on one machine.
//!
//! Shaped like zero-to-production: `configuration` (flags and environment), `startup`
//! (build and run), `routes/` (one file per resource), `store/` (the SQL store behind a
//! trait), `auth/` (passwords and session tokens), `error` (one error type, RFC 9457).

pub mod attempt_guard;
pub mod auth;
pub mod authorization_view;
pub mod card_qr_token;
pub mod card_review;
pub mod configuration;
pub mod cookies;
pub mod counter;
pub mod data_dir;
pub mod error;
pub mod guards;
pub mod heavy;
pub mod https;
pub mod qr_scan;
pub mod recent_clinic_cards;
pub mod review;
pub mod routes;
pub mod seed;
pub mod seed_health;
pub mod seed_institutions;
pub mod site;
pub mod startup;
pub mod state;
pub mod store;
pub mod telemetry;
pub mod tls;
pub mod usable_card;
pub mod verification;

pub use configuration::Settings;
pub use startup::RunningBackend;
