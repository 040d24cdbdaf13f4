//! Domain types as text columns, for any SQL engine whose text decodes as `String`: rows
//! decode straight into the store's records (`#[derive(sqlx::FromRow)]`), and a value that
//! does not parse is a decoding error naming the text, never a silent default.

use sqlx::error::BoxDynError;
use sqlx::{Database, Decode, Type};

use super::Sex;
use crate::domain::card_application::{ApplicationStatus, DocumentKind, RejectReason};
use crate::domain::{CardNumber, IdNumber};

/// Values named in the store by their serde (snake_case) names.
fn by_serde_name<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(text.to_owned())).map_err(|e| e.to_string())
}

/// A domain value kept as text: how it reads back. sqlx decodes it through this (below), and
/// so does the SQLite store's direct path (`sqlite::rows`).
pub trait TextColumn: Sized {
    fn parse_column(text: &str) -> Result<Self, String>;
}

macro_rules! text_column {
    ($ty:ty, $parse:expr) => {
        impl TextColumn for $ty {
            fn parse_column(text: &str) -> Result<Self, String> {
                let parse: fn(&str) -> Result<$ty, String> = $parse;
                parse(text)
            }
        }

        impl<DB: Database> Type<DB> for $ty
        where
            String: Type<DB>,
        {
            fn type_info() -> DB::TypeInfo {
                <String as Type<DB>>::type_info()
            }

            fn compatible(ty: &DB::TypeInfo) -> bool {
                <String as Type<DB>>::compatible(ty)
            }
        }

        impl<'r, DB: Database> Decode<'r, DB> for $ty
        where
            String: Decode<'r, DB>,
        {
            fn decode(value: <DB as Database>::ValueRef<'r>) -> Result<Self, BoxDynError> {
                let text = <String as Decode<'r, DB>>::decode(value)?;
                <$ty>::parse_column(&text).map_err(|e| format!("{text:?}: {e}").into())
            }
        }
    };
}

text_column!(IdNumber, |t| IdNumber::parse(t).map_err(|e| e.to_string()));
text_column!(CardNumber, |t| CardNumber::parse(t)
    .map_err(|e| e.to_string()));
text_column!(Sex, |t| match t {
    "M" => Ok(Sex::Male),
    "F" => Ok(Sex::Female),
    _ => Err("not a sex (M or F)".into()),
});
text_column!(ApplicationStatus, by_serde_name);
text_column!(DocumentKind, by_serde_name);
text_column!(RejectReason, |t| RejectReason::parse(t)
    .ok_or_else(|| "not a reject reason".to_owned()));
