//! What every part of NHI Express shares: `domain` (the pure rules), `api` (the wire types
//! of the backend's JSON API) and `i18n` (the languages and their message catalogues).
//! The app and the backend both build on it; it knows neither.

pub mod api;
pub mod domain;
pub mod i18n;
