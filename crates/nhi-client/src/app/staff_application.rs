//! 專案申請 in the app: a professional of a home-care plan institution (by the three cards)
//! or NHIA counter staff (by their staff account) apply for the card on a person's behalf — the person as the ID document in hand says, the
//! person's consent with the signed form photographed, the ID document and the photo with the
//! same checks on the device as the person's own application, the person's contact.

use chrono::NaiveDate;

use super::auth::Flows;
use super::card::{CardError, ContactForm, PreparedUpload};
use crate::client::{ClientError, StaffCards, StaffIdentity};
use nhi_core::api::{
    CounterStaffLogin, ProblemCode, StaffApplication, StaffApplicationFiled, StaffPersonCheck,
    StaffPersonChecked,
};
use nhi_core::domain::IdNumber;
use nhi_core::i18n::Lang;

/// The person as the staff member types them from the ID document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonForm {
    pub id_number: String,
    pub name: String,
    /// `YYYY-MM-DD`, as a date field gives it.
    pub birth_date: String,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StaffError {
    #[error("the cards are not all filled in")]
    Cards,
    #[error("the staff account or its password is empty")]
    Account,
    #[error("wrong staff account or password")]
    WrongAccount { attempts_left: Option<u32> },
    #[error("the ID number is not valid")]
    Id,
    #[error("the name is empty")]
    Name,
    #[error("the birth date is not a date")]
    BirthDate,
    #[error("the person's consent is not ticked, or its form not photographed")]
    Consent,
    #[error(transparent)]
    Card(CardError),
    #[error(transparent)]
    Server(#[from] ClientError),
}

impl StaffError {
    pub fn user_messages(&self, lang: Lang) -> Vec<String> {
        let one = |id: &str| vec![lang.t(id)];
        match self {
            Self::Cards => one("staff-fill-in-cards"),
            Self::Account => one("staff-fill-in-account"),
            Self::WrongAccount {
                attempts_left: Some(n),
            } => vec![nhi_core::tr!(lang, "staff-wrong-account-tries", n = n)],
            Self::WrongAccount {
                attempts_left: None,
            } => one("staff-wrong-account"),
            Self::Id => one("error-id-number-not-valid"),
            Self::Name => one("staff-name-required"),
            Self::BirthDate => one("staff-birth-date-required"),
            Self::Consent => one("error-staff-consent-required"),
            Self::Card(e) => e.user_messages(lang),
            Self::Server(e) => vec![e.user_message(lang)],
        }
    }
}

impl From<CardError> for StaffError {
    fn from(e: CardError) -> Self {
        match e {
            CardError::Server(e) => Self::Server(e),
            other => Self::Card(other),
        }
    }
}

impl PersonForm {
    /// The check as sent, when every field is there and well-formed.
    pub fn validate(&self) -> Result<StaffPersonCheck, StaffError> {
        let id = IdNumber::parse(&self.id_number).map_err(|_| StaffError::Id)?;
        let name = self.name.trim();
        if name.is_empty() {
            return Err(StaffError::Name);
        }
        let birth_date = self
            .birth_date
            .parse::<NaiveDate>()
            .map_err(|_| StaffError::BirthDate)?;
        Ok(StaffPersonCheck {
            id_number: id.to_string(),
            name: name.to_owned(),
            birth_date,
        })
    }
}

/// A professional by their cards, when all are filled in (the backend checks them on each
/// request, as a card reader presents them).
pub fn professional(cards: &StaffCards) -> Result<StaffIdentity, StaffError> {
    let all = [
        &cards.institution_code,
        &cards.sam_key,
        &cards.hpc_id,
        &cards.hpc_pin,
    ];
    if all.iter().any(|c| c.trim().is_empty()) {
        return Err(StaffError::Cards);
    }
    Ok(StaffIdentity::Professional(cards.clone()))
}

/// The images the staff member took for the application.
pub struct StaffImages<'a> {
    pub consent_form: &'a PreparedUpload,
    pub document: &'a PreparedUpload,
    pub photo: &'a PreparedUpload,
}

impl Flows {
    /// NHIA counter staff sign in with their staff account (the session is kept in memory for
    /// these applications only).
    pub async fn sign_in_counter_staff(
        &self,
        username: &str,
        password: &str,
    ) -> Result<StaffIdentity, StaffError> {
        let username = username.trim();
        if username.is_empty() || password.is_empty() {
            return Err(StaffError::Account);
        }
        let login = CounterStaffLogin {
            username: username.to_owned(),
            password: password.into(),
        };
        match self.client.counter_staff_sign_in(&login).await {
            Ok(session) => Ok(StaffIdentity::Counter(session)),
            // The person's "wrong ID number or password" would name the wrong thing.
            Err(ClientError::Problem(p)) if p.code == ProblemCode::WrongCredentials => {
                Err(StaffError::WrongAccount {
                    attempts_left: p.attempts_left,
                })
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Checks the person, and that the staff member may apply for them.
    pub async fn check_staff_person(
        &self,
        cards: &StaffIdentity,
        person: &PersonForm,
    ) -> Result<StaffPersonChecked, StaffError> {
        let check = person.validate()?;
        Ok(self.client.staff_check_person(cards, &check).await?)
    }

    /// Uploads the three images for the person and files the application.
    pub async fn file_staff_application(
        &self,
        cards: &StaffIdentity,
        person: &PersonForm,
        consented: bool,
        images: StaffImages<'_>,
        contact: &ContactForm,
    ) -> Result<StaffApplicationFiled, StaffError> {
        let check = person.validate()?;
        if !consented {
            return Err(StaffError::Consent);
        }
        let (phone, email) = contact.validate()?;
        let id = check.id_number.as_str();
        let mut uploaded = Vec::new();
        for (kind, image) in [
            ("consent_form", images.consent_form),
            ("id_document", images.document),
            ("photo", images.photo),
        ] {
            let answer = self
                .client
                .staff_upload(cards, kind, id, image.image.jpeg.clone())
                .await?;
            uploaded.push(answer.upload_id);
        }
        let [consent_form_upload, document_upload, photo_upload] =
            <[String; 3]>::try_from(uploaded).expect("three uploads");
        let application = StaffApplication {
            person: check,
            consented,
            consent_form_upload,
            document_upload,
            photo_upload,
            contact_phone: phone.to_string(),
            email,
        };
        Ok(self.client.staff_apply(cards, &application).await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_person_form_says_what_is_missing() {
        let good = PersonForm {
            id_number: "h120246804".into(),
            name: " 林清水 ".into(),
            birth_date: "1938-06-02".into(),
        };
        let check = good.validate().unwrap();
        assert_eq!(
            (check.id_number.as_str(), check.name.as_str()),
            ("H120246804", "林清水")
        );
        let wrong = |f: PersonForm| f.validate().unwrap_err();
        assert_eq!(
            wrong(PersonForm {
                id_number: "H120246805".into(),
                ..good.clone()
            }),
            StaffError::Id
        );
        assert_eq!(
            wrong(PersonForm {
                name: "  ".into(),
                ..good.clone()
            }),
            StaffError::Name
        );
        assert_eq!(
            wrong(PersonForm {
                birth_date: "".into(),
                ..good
            }),
            StaffError::BirthDate
        );
    }
}
