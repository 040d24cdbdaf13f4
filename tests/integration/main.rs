//! Every integration test in one binary: one link instead of fifteen. The crates they
//! test are dev-dependencies, so `cargo test --workspace` runs them all.

#[path = "../support/backend_process.rs"]
mod backend_process;
#[path = "../support/mod.rs"]
mod support;

mod account_password_change;
mod adversarial;
mod attack_bounds;
mod attack_checks;
mod backend_announcements;
mod backend_authorizations;
mod backend_card;
mod backend_card_qr;
mod backend_certificate_path;
mod backend_counter_applications;
mod backend_crash;
mod backend_device_auth;
mod backend_health_bank;
mod backend_login;
mod backend_passkeys;
mod backend_quick_sign_in;
mod backend_staff_applications;
mod backend_video_visits;
mod catalogues;
mod keyring_store;
mod nhi_scan_cli;
mod page_doors;
mod page_languages;
mod photo_checks;
mod qr_roundtrip;
mod site_account_data;
mod site_forgot_password;
mod site_resend_confirmation;
mod two_instances;
mod ui_authorizations;
mod ui_components;
mod ui_languages;
mod ui_manual_texts;
mod ui_navigation;
mod ui_quick_sign_in;
mod ui_staff_applications;
mod ui_video_visits;
mod web_app;
