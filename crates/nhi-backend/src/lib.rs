//! The reference backend: every server the app talks to, on one machine.
//!
//! Shaped like zero-to-production, one room a job: `configuration` (flags and environment),
//! `startup` (build and run), `http/` (TLS, the accept loop, middleware, cookies), `routes/`
//! (the JSON API, one file per resource), `pages/` (the website, reviewer console and
//! counter), `services/` (the rules both call: verification, review, QR reading and tokens,
//! attempt limits), `store/` (the SQL store behind a trait per concern), `seed/` (demo
//! data), `crypto/` (hashes, tokens, the server key), `auth/` (the flows of who is calling:
//! password checks, sessions), `heavy` (bounded queues for CPU-heavy jobs), `error` (one
//! error type, RFC 9457).

pub mod auth;
pub mod configuration;
pub mod crypto;
pub mod data_dir;
pub mod error;
pub mod heavy;
pub mod http;
pub mod pages;
pub mod routes;
pub mod seed;
pub mod services;
pub mod startup;
pub mod state;
pub mod store;
pub mod telemetry;

pub use configuration::Settings;
pub use startup::RunningBackend;
