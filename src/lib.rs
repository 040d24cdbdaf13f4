//! NHI Express (全民健保行動快易通): the Virtual NHI Card client and its reference backend.
//!
//! Layers, each depending only on those above it:
//! `domain` (pure rules) → `api` (wire types) → `client` (HTTPS) → `platform` (OS services)
//! → `app` (UI-agnostic state) → `ui` (Dioxus screens). `backend` stands apart and shares
//! `domain` and `api` with the client.

pub mod api;
pub mod app;
pub mod client;
pub mod domain;
pub mod i18n;
pub mod platform;

#[cfg(feature = "ui")]
pub mod ui;

#[cfg(feature = "backend")]
pub mod backend;
