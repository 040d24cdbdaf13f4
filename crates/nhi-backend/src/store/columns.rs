//! Domain types as text columns, for any SQL engine whose text decodes as `String`: rows
//! decode straight into the store's records (`#[derive(sqlx::FromRow)]`, through [`Column`]), and a value that
//! does not parse is a decoding error naming the text, never a silent default.

use sqlx::error::BoxDynError;
use sqlx::{Database, Decode, Type};

use super::Sex;
use nhi_core::domain::card_application::{ApplicationStatus, Channel, DocumentKind, RejectReason};
use nhi_core::domain::video_visit::VideoVisitState;
use nhi_core::domain::{CardNumber, IdNumber};

/// Values named in the store by their serde (snake_case) names.
fn by_serde_name<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(text.to_owned())).map_err(|e| e.to_string())
}

/// A domain value kept as text: how it reads back. sqlx decodes it through this (below), and
/// so does the SQLite store's direct path (`sqlite::rows`).
pub trait TextColumn: Sized {
    fn parse_column(text: &str) -> Result<Self, String>;
}

/// A domain value read from a text column. The domain types live in `nhi_core` and sqlx's
/// traits in sqlx, so neither crate may join them here (the orphan rule): this wrapper does,
/// and a record names it on the field, `#[sqlx(try_from = "Column<IdNumber>")]`.
pub struct Column<T>(pub T);

/// The same for a column that may be NULL.
pub struct OptionalColumn<T>(pub Option<T>);

impl<DB: Database, T> Type<DB> for Column<T>
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

impl<'r, DB: Database, T: TextColumn> Decode<'r, DB> for Column<T>
where
    String: Decode<'r, DB>,
{
    fn decode(value: <DB as Database>::ValueRef<'r>) -> Result<Self, BoxDynError> {
        let text = <String as Decode<'r, DB>>::decode(value)?;
        T::parse_column(&text)
            .map(Column)
            .map_err(|e| format!("{text:?}: {e}").into())
    }
}

impl<DB: Database, T> Type<DB> for OptionalColumn<T>
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

impl<'r, DB: Database, T: TextColumn> Decode<'r, DB> for OptionalColumn<T>
where
    Option<String>: Decode<'r, DB>,
{
    fn decode(value: <DB as Database>::ValueRef<'r>) -> Result<Self, BoxDynError> {
        match <Option<String> as Decode<'r, DB>>::decode(value)? {
            None => Ok(OptionalColumn(None)),
            Some(text) => T::parse_column(&text)
                .map(|v| OptionalColumn(Some(v)))
                .map_err(|e| format!("{text:?}: {e}").into()),
        }
    }
}

macro_rules! text_column {
    ($ty:ty, $parse:expr) => {
        impl TextColumn for $ty {
            fn parse_column(text: &str) -> Result<Self, String> {
                let parse: fn(&str) -> Result<$ty, String> = $parse;
                parse(text)
            }
        }

        impl From<Column<$ty>> for $ty {
            fn from(column: Column<$ty>) -> Self {
                column.0
            }
        }

        impl From<OptionalColumn<$ty>> for Option<$ty> {
            fn from(column: OptionalColumn<$ty>) -> Self {
                column.0
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
text_column!(Channel, by_serde_name);
text_column!(DocumentKind, by_serde_name);
text_column!(VideoVisitState, by_serde_name);
text_column!(RejectReason, |t| RejectReason::parse(t)
    .ok_or_else(|| "not a reject reason".to_owned()));
