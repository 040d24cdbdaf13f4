//! The contact a card application is made with — a mobile number and an e-mail address,
//! where the decision and (for a staff application) the notice go — as every channel checks it.

use crate::error::ApiError;
use nhi_core::domain::MobileNumber;

/// The mobile number and the trimmed e-mail address, or which of them is not one.
pub fn checked(phone: &str, email: &str) -> Result<(MobileNumber, String), ApiError> {
    let phone = MobileNumber::parse(phone)
        .map_err(|e| ApiError::InvalidRequest(format!("contact_phone: {e}")))?;
    let email = email.trim();
    if !email
        .split_once('@')
        .is_some_and(|(u, h)| !u.is_empty() && h.contains('.'))
    {
        return Err(ApiError::InvalidRequest(
            "email: not a valid e-mail address".into(),
        ));
    }
    Ok((phone, email.to_owned()))
}
