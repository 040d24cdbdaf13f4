//! The security mails every real account sends: the password changed, a new device bound,
//! the active device switched — each with the time (Taiwan) and what to do if it was not the
//! person. They go to the address of the account's confirmed registration; an account made
//! by phone alone has none, and gets none.

use crate::error::ApiError;
use crate::pages::time_text::taiwan_time;
use crate::state::AppState;
use nhi_core::domain::IdNumber;
use nhi_core::i18n::Lang;
use nhi_core::tr;

/// What happened to the account.
pub enum Notice<'a> {
    PasswordChanged,
    /// A device was bound and made the active one; by phone, the password was set anew too.
    DeviceBound {
        label: &'a str,
        by_phone: bool,
    },
    /// Another bound device was made the active one.
    DeviceSwitched {
        label: &'a str,
    },
    /// Quick sign-in was turned on for a device.
    QuickSignInEnrolled {
        label: &'a str,
    },
}

pub async fn send(
    state: &AppState,
    id: &IdNumber,
    lang: Lang,
    notice: Notice<'_>,
) -> Result<(), ApiError> {
    let (Some(person), Some(email)) = (
        state.store.find_person(id).await?,
        state.store.confirmed_email(id).await?,
    ) else {
        return Ok(());
    };
    let now = state.clock.now();
    let time = taiwan_time(now, lang);
    let link = format!("{}/register/forgot", state.public_url);
    let (name, time, link) = (person.name.as_str(), time.as_str(), link.as_str());
    let (subject, body) = match notice {
        Notice::PasswordChanged => (
            "site-password-changed-mail-subject",
            tr!(
                lang,
                "site-password-changed-mail-body",
                name = name,
                time = time,
                link = link
            ),
        ),
        Notice::DeviceBound { label, by_phone } => (
            "mail-device-bound-subject",
            tr!(
                lang,
                if by_phone {
                    "mail-device-bound-by-phone-body"
                } else {
                    "mail-device-bound-body"
                },
                name = name,
                device = label,
                time = time,
                link = link
            ),
        ),
        Notice::DeviceSwitched { label } => (
            "mail-device-switched-subject",
            tr!(
                lang,
                "mail-device-switched-body",
                name = name,
                device = label,
                time = time,
                link = link
            ),
        ),
        Notice::QuickSignInEnrolled { label } => (
            "mail-quick-sign-in-enrolled-subject",
            tr!(
                lang,
                "mail-quick-sign-in-enrolled-body",
                name = name,
                device = label,
                time = time,
                link = link
            ),
        ),
    };
    state
        .store
        .send_mail(&email, &lang.t(subject), &(body + "\n"), now)
        .await?;
    Ok(())
}
