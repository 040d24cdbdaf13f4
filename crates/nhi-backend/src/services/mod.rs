//! What the routes and pages do, stated once: the institution's cards, verifying a card (QR or
//! video visit), video visit requests, reviewing applications, reading QR codes from images,
//! issuing one-time QR tokens and the attempt limiter.

pub mod account_mail;
pub mod application_contact;
pub mod attempt_guard;
pub mod authorization_view;
pub mod card_images;
pub mod card_qr_token;
pub mod card_review;
pub mod card_use;
pub mod counter_photo_texts;
pub mod institution_cards;
pub mod password_change;
pub mod qr_scan;
pub mod recent_clinic_cards;
pub mod staff_application;
pub mod staff_sign_in;
pub mod usable_card;
pub mod verification;
pub mod video_visit;
