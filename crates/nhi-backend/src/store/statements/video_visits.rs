//! Video visit card requests, and the list of a card's uses.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::Row;

use super::card_qrs::{insert_qr_use, why_not_inserted};
use super::{corrupt, lock_person, Engine, EngineDb};
use crate::store::{
    Answer, Consumed, Created, QrUse, Settled, StoreError, VideoVisitRecord, VideoVisits,
};
use nhi_core::domain::video_visit::VideoVisitState;
use nhi_core::domain::IdNumber;

/// A request with its institution's name (`v` is `video_visits`).
const SELECT: &str = "SELECT v.id, v.institution_code, i.name AS institution_name, v.id_number, \
     v.department, v.scheduled_at, v.message, v.created_at, v.expires_at, v.status, \
     v.answered_at, v.answered_by, v.authorization_id, v.use_serial, u.visit_number, \
     u.application_id FROM video_visits v JOIN institutions i ON i.code = v.institution_code \
     LEFT JOIN card_qr_uses u ON u.serial = v.use_serial";

/// Moves a pending, unexpired request to `$2`; the one statement both answers and the
/// cancellation go through, so of any number at once exactly one finds it pending.
const SETTLE: &str = "UPDATE video_visits SET status = $2, answered_at = $3, answered_by = $4, \
     authorization_id = $5, use_serial = $6 \
     WHERE id = $1 AND status = 'pending' AND expires_at > $3";

/// The answer `status` given to pending request `id` ([`SETTLE`]), with the use it recorded.
fn settle<'q>(
    id: &'q str,
    status: VideoVisitState,
    answer: &'q Answer,
    use_serial: Option<&'q [u8]>,
) -> sqlx::query::Query<'q, EngineDb, <EngineDb as sqlx::Database>::Arguments<'q>> {
    sqlx::query(SETTLE)
        .bind(id)
        .bind(status.as_str())
        .bind(answer.at)
        .bind(answer.by.as_str())
        .bind(answer.authorization_id)
        .bind(use_serial)
}

#[async_trait]
impl VideoVisits for Engine {
    async fn create_video_visit(&self, r: &VideoVisitRecord) -> Result<Created, StoreError> {
        let mut tx = self.begin_write().await?;
        lock_person(&mut tx, r.id_number.as_str()).await?;
        let open: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM video_visits WHERE institution_code = $1 AND id_number = $2 \
             AND status = 'pending' AND expires_at > $3",
        )
        .bind(&r.institution_code)
        .bind(r.id_number.as_str())
        .bind(r.created_at)
        .fetch_one(&mut *tx)
        .await?;
        if open > 0 {
            return Ok(Created::AlreadyOpen);
        }
        sqlx::query(
            "INSERT INTO video_visits (id, institution_code, id_number, department, scheduled_at, \
             message, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&r.id)
        .bind(&r.institution_code)
        .bind(r.id_number.as_str())
        .bind(&r.department)
        .bind(r.scheduled_at)
        .bind(&r.message)
        .bind(r.created_at)
        .bind(r.expires_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Created::Now)
    }

    async fn find_video_visit(&self, id: &str) -> Result<Option<VideoVisitRecord>, StoreError> {
        // A reader sees every committed answer (SQLite's WAL, PostgreSQL): the counter's
        // polling stays off the one writer.
        Ok(sqlx::query_as(&format!("{SELECT} WHERE v.id = $1"))
            .bind(id)
            .fetch_optional(self.reader())
            .await?)
    }

    async fn video_visits_for(
        &self,
        persons: &[IdNumber],
        since: DateTime<Utc>,
    ) -> Result<Vec<VideoVisitRecord>, StoreError> {
        let mut found = Vec::new();
        for person in persons {
            let rows: Vec<VideoVisitRecord> = sqlx::query_as(&format!(
                "{SELECT} WHERE v.id_number = $1 AND v.created_at > $2"
            ))
            .bind(person.as_str())
            .bind(since)
            .fetch_all(self.reader())
            .await?;
            found.extend(rows);
        }
        found.sort_by_key(|r| std::cmp::Reverse(r.created_at));
        Ok(found)
    }

    async fn video_visits_of_institution(
        &self,
        institution_code: &str,
        since: DateTime<Utc>,
    ) -> Result<Vec<VideoVisitRecord>, StoreError> {
        Ok(sqlx::query_as(&format!(
            "{SELECT} WHERE v.institution_code = $1 AND v.created_at > $2 \
             ORDER BY v.created_at DESC"
        ))
        .bind(institution_code)
        .bind(since)
        .fetch_all(self.reader())
        .await?)
    }

    async fn allow_video_visit(
        &self,
        id: &str,
        answer: &Answer,
        u: &QrUse,
        year: i32,
        max_visits: u32,
    ) -> Result<Settled, StoreError> {
        let mut tx = self.begin_write().await?;
        // The holder's lock first, as every write that takes a visit number does.
        lock_person(&mut tx, u.id_number.as_str()).await?;
        let number = insert_qr_use(u, year, max_visits)
            .fetch_optional(&mut *tx)
            .await?;
        let Some(number) = number else {
            return Ok(
                match why_not_inserted(&mut *tx, u, year, max_visits).await? {
                    Consumed::VisitNumbersUsedUp => Settled::VisitNumbersUsedUp,
                    _ => Settled::NoLongerUsable,
                },
            );
        };
        let moved = settle(id, VideoVisitState::Allowed, answer, Some(&u.serial))
            .execute(&mut *tx)
            .await?;
        if moved.rows_affected() != 1 {
            // Answered, cancelled or expired meanwhile: the use goes with the rollback.
            return Ok(Settled::NotPending);
        }
        tx.commit().await?;
        tracing::debug!(number, "video visit allowed");
        Ok(Settled::Now)
    }

    async fn decline_video_visit(&self, id: &str, answer: &Answer) -> Result<Settled, StoreError> {
        let moved = settle(id, VideoVisitState::Declined, answer, None)
            .execute(self.writer())
            .await?;
        Ok(settled(moved.rows_affected()))
    }

    async fn cancel_video_visit(
        &self,
        id: &str,
        institution_code: &str,
        at: DateTime<Utc>,
    ) -> Result<Settled, StoreError> {
        let moved = sqlx::query(
            "UPDATE video_visits SET status = 'cancelled', answered_at = $2 \
             WHERE id = $1 AND institution_code = $3 AND status = 'pending' AND expires_at > $2",
        )
        .bind(id)
        .bind(at)
        .bind(institution_code)
        .execute(self.writer())
        .await?;
        Ok(settled(moved.rows_affected()))
    }

    async fn card_uses(&self, id: &IdNumber, limit: u32) -> Result<Vec<(QrUse, i64)>, StoreError> {
        let rows = sqlx::query(
            "SELECT serial, id_number, application_id, authorization_id, delegate_id, used_at, \
             institution, video_visit, visit_number FROM card_qr_uses \
             WHERE id_number = $1 AND used_at IS NOT NULL ORDER BY used_at DESC LIMIT $2",
        )
        .bind(id.as_str())
        .bind(i64::from(limit))
        .fetch_all(self.reader())
        .await?;
        rows.iter()
            .map(|r| {
                let number: i64 = r.try_get("visit_number")?;
                let qr_use = <QrUse as sqlx::FromRow<_>>::from_row(r)?;
                if number < 1 {
                    return Err(corrupt(format!("visit number {number}")));
                }
                Ok((qr_use, number))
            })
            .collect()
    }
}

fn settled(rows: u64) -> Settled {
    if rows == 1 {
        Settled::Now
    } else {
        Settled::NotPending
    }
}
