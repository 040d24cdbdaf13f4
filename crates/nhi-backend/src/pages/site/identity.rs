//! Proving who one is on the website, the way one registers: the NHI card in the (simulated)
//! card reader, or a citizen digital certificate. The person types what a reader service
//! would return (card number or certificate serial, name, ID, birth date), and it must match
//! the record. Registering and getting back into a forgotten account both ask it.

use chrono::NaiveDate;
use std::net::IpAddr;

use crate::error::ApiError;
use crate::services::attempt_guard::{self, AfterFailure};
use crate::state::AppState;
use crate::store::PersonRecord;
use nhi_core::domain::attempt_limit::{CARD_READER_PER_CLIENT, CARD_READER_PER_ID};
use nhi_core::domain::{CardNumber, IdNumber};
use nhi_core::i18n::Msg;

/// `?method=card|certificate`: which reader a page's form starts with (the card unless told).
#[derive(serde::Deserialize)]
pub struct MethodQuery {
    #[serde(default)]
    method: String,
}

/// Whether a form's `method` field names the NHI card (anything but "certificate").
pub fn with_card(method: &str) -> bool {
    method != "certificate"
}

impl MethodQuery {
    pub fn with_card(&self) -> bool {
        with_card(&self.method)
    }

    /// As the form's hidden field carries it.
    pub fn method_name(&self) -> &'static str {
        if self.with_card() {
            "card"
        } else {
            "certificate"
        }
    }
}

/// What a form says the reader read, as typed.
pub struct ReaderData<'a> {
    pub with_card: bool,
    pub card_number: &'a str,
    pub certificate_serial: &'a str,
    pub name: &'a str,
    pub id_number: &'a str,
    pub birth_date: &'a str,
}

/// The person the reader's data belongs to, or what is wrong with the data.
pub enum Identity {
    Proven(PersonRecord),
    /// The form's own mistakes (formats), or one answer for an unknown ID and data that do not
    /// match (with the tries left, or the lock).
    NotProven(Vec<Msg>),
}

/// What the simulated reader read: the NHI card, or a citizen digital certificate.
enum Reader {
    Card(CardNumber),
    Certificate(String),
}

/// Checks the formats, then — each comparison being a guess an attacker could repeat —
/// compares through the attempt limiter, so a birth date cannot fall out by trying.
pub async fn prove(
    state: &AppState,
    data: &ReaderData<'_>,
    client: IpAddr,
) -> Result<Identity, ApiError> {
    let mut errors = Vec::new();
    let id = IdNumber::parse(data.id_number).ok();
    if id.is_none() {
        errors.push(Msg::new("site-id-invalid"));
    }
    let birth = NaiveDate::parse_from_str(data.birth_date.trim(), "%Y-%m-%d").ok();
    if birth.is_none() {
        errors.push(Msg::new("site-birth-date-format"));
    }
    let reader = if data.with_card {
        CardNumber::parse(data.card_number).ok().map(Reader::Card)
    } else {
        let serial = data.certificate_serial.trim();
        (serial.len() == 16 && serial.bytes().all(|b| b.is_ascii_alphanumeric()))
            .then(|| Reader::Certificate(serial.to_ascii_uppercase()))
    };
    if reader.is_none() {
        errors.push(Msg::new(if data.with_card {
            "site-card-number-format"
        } else {
            "site-certificate-serial-format"
        }));
    }
    let (Some(id), Some(birth), Some(reader)) = (id, birth, reader) else {
        return Ok(Identity::NotProven(errors));
    };
    let subjects = [
        (format!("card-reader-id:{id}"), CARD_READER_PER_ID),
        (
            format!("card-reader-client:{client}"),
            CARD_READER_PER_CLIENT,
        ),
    ];
    let attempt = match attempt_guard::try_reserve(state, &subjects).await? {
        Ok(attempt) => attempt,
        Err(lockout) => {
            let minutes = lockout.minutes();
            let locked = Msg::new("site-too-many-checks").with("minutes", minutes);
            return Ok(Identity::NotProven(vec![locked]));
        }
    };
    let person = state.store.find_person(&id).await?;
    let name = data.name.trim();
    let matches = match (&person, &reader) {
        (Some(p), Reader::Card(card)) => {
            p.name == name && p.birth_date == birth && *card == p.card_number
        }
        (Some(p), Reader::Certificate(serial)) => {
            p.name == name
                && p.birth_date == birth
                && state.store.certificate_valid_for(serial, &id).await?
        }
        (None, _) => false,
    };
    if let Some(person) = person.filter(|_| matches) {
        attempt.succeeded().await?;
        return Ok(Identity::Proven(person));
    }
    let mismatch = Msg::new(match reader {
        Reader::Card(_) => "site-card-mismatch",
        Reader::Certificate(_) => "site-certificate-mismatch",
    });
    let refusal = match attempt.failed().await? {
        AfterFailure::TriesLeft(left) => Msg::new("site-mismatch-tries-left")
            .with("mismatch", mismatch)
            .with("left", left),
        AfterFailure::Locked(lockout) => {
            let minutes = lockout.minutes();
            Msg::new("site-mismatch-locked")
                .with("mismatch", mismatch)
                .with("minutes", minutes)
        }
    };
    Ok(Identity::NotProven(vec![refusal]))
}
