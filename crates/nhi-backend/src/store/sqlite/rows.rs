//! Rows and values of the direct path (`direct`) as sqlx reads and writes them, so that both
//! paths share one file: timestamps as RFC 3339 text (sqlx's encoding, whose text order is
//! time order), dates as `YYYY-MM-DD`, booleans as 0/1, domain values as their text
//! (`columns::TextColumn`).

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::types::{FromSqlError, Type, ValueRef};
use rusqlite::{Connection, Row, Statement, ToSql};

use crate::store::columns::TextColumn;
use crate::store::{Application, CardAtCounter, PersonRecord, SessionRecord, SessionWithCard};

/// A timestamp as sqlx writes it into SQLite.
pub fn time_text(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

/// Binds `values` to the statement's `$1`, `$2`, … (SQLite numbers named parameters in the
/// order they first appear, which is not always theirs: the statements are shared with
/// PostgreSQL, where `$n` is the n-th).
fn bind_numbered(statement: &mut Statement<'_>, values: &[&dyn ToSql]) -> rusqlite::Result<()> {
    const NAMES: [&str; 12] = [
        "$1", "$2", "$3", "$4", "$5", "$6", "$7", "$8", "$9", "$10", "$11", "$12",
    ];
    if values.len() > NAMES.len() {
        return Err(rusqlite::Error::InvalidParameterCount(
            values.len(),
            NAMES.len(),
        ));
    }
    for (name, value) in NAMES.iter().zip(values) {
        if let Some(index) = statement.parameter_index(name)? {
            statement.raw_bind_parameter(index, value)?;
        }
    }
    Ok(())
}

/// The first row `sql` gives with `values` bound, as `read` reads it (the statement kept
/// prepared on its connection).
pub fn first_row<T>(
    conn: &Connection,
    sql: &str,
    values: &[&dyn ToSql],
    read: impl FnOnce(&Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Option<T>> {
    let mut statement = conn.prepare_cached(sql)?;
    bind_numbered(&mut statement, values)?;
    let mut rows = statement.raw_query();
    let first = rows.next()?.map(read).transpose();
    first
}

fn text<'r>(row: &'r Row<'_>, column: &str) -> rusqlite::Result<&'r str> {
    row.get_ref(column)?
        .as_str()
        .map_err(|e| wrong(row, column, e))
}

fn wrong(row: &Row<'_>, column: &str, e: impl Into<FromSqlError>) -> rusqlite::Error {
    let index = row.as_ref().column_index(column).unwrap_or_default();
    let error: FromSqlError = e.into();
    rusqlite::Error::FromSqlConversionFailure(index, Type::Text, Box::new(error))
}

fn invalid(row: &Row<'_>, column: &str, text: &str, why: String) -> rusqlite::Error {
    wrong(
        row,
        column,
        FromSqlError::Other(format!("{column} {text:?}: {why}").into()),
    )
}

fn parsed<T: TextColumn>(row: &Row<'_>, column: &str) -> rusqlite::Result<T> {
    let value = text(row, column)?;
    T::parse_column(value).map_err(|why| invalid(row, column, value, why))
}

/// A column that may be NULL, read by `read` when it is not.
fn optional<T>(
    row: &Row<'_>,
    column: &str,
    read: fn(&Row<'_>, &str) -> rusqlite::Result<T>,
) -> rusqlite::Result<Option<T>> {
    match row.get_ref(column)? {
        ValueRef::Null => Ok(None),
        _ => read(row, column).map(Some),
    }
}

fn time(row: &Row<'_>, column: &str) -> rusqlite::Result<DateTime<Utc>> {
    let value = text(row, column)?;
    DateTime::parse_from_rfc3339(value)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|why| invalid(row, column, value, why.to_string()))
}

fn date(row: &Row<'_>, column: &str) -> rusqlite::Result<NaiveDate> {
    let value = text(row, column)?;
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|why| invalid(row, column, value, why.to_string()))
}

/// The person columns (`statements::PERSON_COLUMNS`).
pub fn person(row: &Row<'_>) -> rusqlite::Result<PersonRecord> {
    Ok(PersonRecord {
        id_number: parsed(row, "id_number")?,
        name: row.get("name")?,
        birth_date: date(row, "birth_date")?,
        sex: parsed(row, "sex")?,
        card_number: parsed(row, "card_number")?,
        card_issue_date: date(row, "card_issue_date")?,
        card_voided: row.get("card_voided")?,
        email: row.get("email")?,
    })
}

pub fn session(row: &Row<'_>) -> rusqlite::Result<SessionRecord> {
    Ok(SessionRecord {
        person: person(row)?,
        created_at: time(row, "created_at")?,
        expires_at: time(row, "expires_at")?,
    })
}

pub fn session_with_card(row: &Row<'_>) -> rusqlite::Result<SessionWithCard> {
    Ok(SessionWithCard {
        session: session(row)?,
        application_id: row.get("application_id")?,
        application_status: optional(row, "application_status", parsed)?,
    })
}

/// The application columns (`round_trip::APPLICATION_COLUMNS`).
pub fn application(row: &Row<'_>) -> rusqlite::Result<Application> {
    Ok(Application {
        id: row.get("id")?,
        id_number: parsed(row, "id_number")?,
        status: parsed(row, "status")?,
        document_kind: parsed(row, "document_kind")?,
        document_upload: row.get("document_upload")?,
        photo_upload: row.get("photo_upload")?,
        contact_phone: row.get("contact_phone")?,
        email: row.get("email")?,
        submitted_at: time(row, "submitted_at")?,
        decided_at: optional(row, "decided_at", time)?,
        reject_reason: optional(row, "reject_reason", parsed)?,
        reject_note: row.get("reject_note")?,
        reviewer: row.get("reviewer")?,
        channel: parsed(row, "channel")?,
        applied_by: row.get("applied_by")?,
        applied_by_name: row.get("applied_by_name")?,
        consent_form: row.get("consent_form")?,
    })
}

pub fn card_at_counter(row: &Row<'_>) -> rusqlite::Result<CardAtCounter> {
    Ok(CardAtCounter {
        holder: person(row)?,
        status: parsed(row, "status")?,
        photo_upload: row.get("photo_upload")?,
        counter_photo: row.get("counter_photo")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlx::Connection;

    #[tokio::test]
    async fn timestamps_are_the_text_sqlx_writes_and_read_back_as_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let options = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&path)
            .create_if_missing(true);
        let mut by_sqlx = sqlx::SqliteConnection::connect_with(&options)
            .await
            .unwrap();
        sqlx::query("CREATE TABLE t (at TEXT)")
            .execute(&mut by_sqlx)
            .await
            .unwrap();
        let at = Utc::now();
        sqlx::query("INSERT INTO t VALUES ($1)")
            .bind(at)
            .execute(&mut by_sqlx)
            .await
            .unwrap();
        let direct = rusqlite::Connection::open(&path).unwrap();
        let stored: String = direct
            .query_row("SELECT at FROM t", [], |r| r.get(0))
            .unwrap();
        assert_eq!(stored, time_text(at));
        let read = direct
            .query_row("SELECT at FROM t", [], |r| time(r, "at"))
            .unwrap();
        assert_eq!(read, at);
    }
}
