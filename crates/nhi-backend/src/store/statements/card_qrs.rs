//! Card QR tokens, institutions and visit sequences.

use super::EngineRow;
use async_trait::async_trait;
use sqlx::Row;

use super::{corrupt, Engine, EngineDb};
use crate::store::{
    CardAtCounter, CardQrs, Consumed, InstitutionRecord, OwnCodeUse, QrUse, StoreError,
};
use nhi_core::domain::IdNumber;

fn institution_from_row(r: &EngineRow) -> Result<InstitutionRecord, StoreError> {
    let departments: String = r.try_get("departments")?;
    Ok(InstitutionRecord {
        code: r.try_get("code")?,
        name: r.try_get("name")?,
        area: r.try_get("area")?,
        address: r.try_get("address")?,
        departments: departments.split(',').map(str::to_owned).collect(),
        accepts_virtual_card: r.try_get("accepts_virtual_card")?,
        virtual_card_departments: r
            .try_get::<Option<String>, _>("virtual_card_departments")?
            .map(|d| d.split(',').map(str::to_owned).collect()),
        sam_key_hash: r.try_get("sam_key_hash")?,
    })
}

/// `round_trip::INSERT_QR_USE` with its parameters.
pub(in super::super) fn insert_qr_use(
    u: &QrUse,
    year: i32,
    max_visits: u32,
) -> sqlx::query::QueryScalar<'_, EngineDb, i64, <EngineDb as sqlx::Database>::Arguments<'_>> {
    bind_qr_use(
        sqlx::query_scalar(super::round_trip::INSERT_QR_USE),
        u,
        year,
        max_visits,
    )
}

/// A use's eleven parameters, in `round_trip::INSERT_QR_USE`'s order, bound to `query`.
pub(in super::super) fn bind_qr_use<'q, O>(
    query: sqlx::query::QueryScalar<'q, EngineDb, O, <EngineDb as sqlx::Database>::Arguments<'q>>,
    u: &'q QrUse,
    year: i32,
    max_visits: u32,
) -> sqlx::query::QueryScalar<'q, EngineDb, O, <EngineDb as sqlx::Database>::Arguments<'q>> {
    query
        .bind(&u.serial)
        .bind(u.id_number.as_str())
        .bind(year)
        .bind(u.application_id)
        .bind(u.authorization_id)
        .bind(u.delegate_id.as_ref().map(IdNumber::as_str))
        .bind(u.used_at)
        .bind(&u.institution)
        .bind(i64::from(max_visits))
        .bind(u.video_visit)
        .bind(nhi_core::domain::taiwan_time::date(u.used_at))
}

/// Why `insert_qr_use` inserted nothing for a code that was not used before: the year's
/// numbers are gone, or the card or the authorization changed since it was checked.
pub(in super::super) async fn why_not_inserted<'e>(
    db: impl sqlx::Executor<'e, Database = EngineDb>,
    u: &QrUse,
    year: i32,
    max_visits: u32,
) -> Result<Consumed, StoreError> {
    let highest: i64 = sqlx::query_scalar(super::round_trip::HIGHEST_VISIT_NUMBER)
        .bind(u.id_number.as_str())
        .bind(year)
        .fetch_one(db)
        .await?;
    Ok(if highest >= i64::from(max_visits) {
        Consumed::VisitNumbersUsedUp
    } else {
        Consumed::NoLongerUsable
    })
}

/// A visit number as the store returned it (a BIGINT, at most `max_visits`).
fn visit_number(n: i64) -> Result<u32, StoreError> {
    u32::try_from(n).map_err(|_| corrupt(format!("visit {n}")))
}

#[async_trait]
impl CardQrs for Engine {
    async fn record_qr_use(
        &self,
        u: &QrUse,
        year: i32,
        max_visits: u32,
    ) -> Result<Consumed, StoreError> {
        let number = self.take_visit_number(u, year, max_visits).await?;
        if let Some(n) = number {
            return Ok(Consumed::Now {
                visit_number: visit_number(n)?,
            });
        }
        // Nothing inserted: the serial was there, the year's numbers are gone, or the card or
        // authorization changed since it was checked.
        if self.qr_use(&u.serial).await?.is_some() {
            return Ok(Consumed::AlreadyUsed);
        }
        why_not_inserted(self.reader(), u, year, max_visits).await
    }

    async fn use_own_code_at_once(
        &self,
        code: &OwnCodeUse<'_>,
    ) -> Result<Option<(CardAtCounter, u32)>, StoreError> {
        let Some((card, n)) = self.own_code_in_one_statement(code).await? else {
            return Ok(None);
        };
        Ok(Some((card, visit_number(n)?)))
    }

    async fn qr_use(&self, serial: &[u8]) -> Result<Option<QrUse>, StoreError> {
        Ok(sqlx::query_as::<_, QrUse>(
            "SELECT serial, id_number, application_id, authorization_id, delegate_id, used_at, \
             institution FROM card_qr_uses WHERE serial = $1",
        )
        .bind(serial)
        .fetch_optional(self.writer())
        .await?)
    }

    async fn insert_institution(&self, i: &InstitutionRecord) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO institutions (code, name, area, address, departments, accepts_virtual_card, \
             sam_key_hash) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&i.code)
        .bind(&i.name)
        .bind(&i.area)
        .bind(&i.address)
        .bind(i.departments.join(","))
        .bind(i.accepts_virtual_card)
        .bind(&i.sam_key_hash)
        .execute(self.writer())
        .await?;
        Ok(())
    }

    async fn set_virtual_card_departments(
        &self,
        code: &str,
        departments: Option<&[&str]>,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE institutions SET virtual_card_departments = $1 WHERE code = $2")
            .bind(departments.map(|d| d.join(",")))
            .bind(code)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    async fn insert_professional(
        &self,
        hpc_id: &str,
        institution_code: &str,
        name: &str,
        pin_hash: &[u8],
    ) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO professionals (hpc_id, institution_code, name, pin_hash) VALUES ($1, $2, $3, $4)")
            .bind(hpc_id)
            .bind(institution_code)
            .bind(name)
            .bind(pin_hash)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    async fn find_institution(&self, code: &str) -> Result<Option<InstitutionRecord>, StoreError> {
        let row = sqlx::query("SELECT * FROM institutions WHERE code = $1")
            .bind(code)
            .fetch_optional(self.reader())
            .await?;
        row.map(|r| institution_from_row(&r)).transpose()
    }

    async fn find_professional(
        &self,
        hpc_id: &str,
    ) -> Result<Option<(String, Vec<u8>)>, StoreError> {
        let row =
            sqlx::query("SELECT institution_code, pin_hash FROM professionals WHERE hpc_id = $1")
                .bind(hpc_id)
                .fetch_optional(self.reader())
                .await?;
        row.map(|r| Ok((r.try_get("institution_code")?, r.try_get("pin_hash")?)))
            .transpose()
    }

    async fn institutions(&self) -> Result<Vec<InstitutionRecord>, StoreError> {
        let rows = sqlx::query("SELECT * FROM institutions ORDER BY area, name")
            .fetch_all(self.reader())
            .await?;
        rows.iter().map(institution_from_row).collect()
    }
}
