//! Persons, accounts and the telecom registry.

use async_trait::async_trait;
use sqlx::{FromRow, Row};

use super::{corrupt, Engine, PERSON_COLUMNS};
use crate::store::{
    AccountRecord, Contract, People, PersonRecord, Sex, StoreError, TelecomSubscription,
};
use nhi_core::domain::{IdNumber, MobileNumber};

#[async_trait]
impl People for Engine {
    async fn person_count(&self) -> Result<u64, StoreError> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM persons")
            .fetch_one(self.reader())
            .await?;
        Ok(n as u64)
    }

    async fn insert_person(&self, p: &PersonRecord) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO persons (id_number, name, birth_date, sex, card_number, card_issue_date, \
             card_voided, email) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(p.id_number.as_str())
        .bind(&p.name)
        .bind(p.birth_date)
        .bind(match p.sex {
            Sex::Male => "M",
            Sex::Female => "F",
        })
        .bind(p.card_number.as_str())
        .bind(p.card_issue_date)
        .bind(p.card_voided)
        .bind(&p.email)
        .execute(self.writer())
        .await?;
        Ok(())
    }

    async fn insert_account(&self, id: &IdNumber, password_hash: &str) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO accounts (id_number, password_hash) VALUES ($1, $2)")
            .bind(id.as_str())
            .bind(password_hash)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    async fn set_password(&self, id: &IdNumber, password_hash: &str) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        super::lock_person(&mut tx, id.as_str()).await?;
        sqlx::query(
            "INSERT INTO accounts (id_number, password_hash) VALUES ($1, $2) \
             ON CONFLICT (id_number) DO UPDATE SET password_hash = excluded.password_hash",
        )
        .bind(id.as_str())
        .bind(password_hash)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM sessions WHERE holder = $1 AND kind IN ('app', 'site')")
            .bind(id.as_str())
            .execute(&mut *tx)
            .await?;
        // Whoever could reset the password must not find a quick way in left behind.
        super::quick_sign_in::remove_keys_of(&mut tx, id.as_str()).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn change_password(
        &self,
        id: &IdNumber,
        password_hash: &str,
        keep_token_hash: &[u8],
    ) -> Result<(), StoreError> {
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id_number = $2")
            .bind(password_hash)
            .bind(id.as_str())
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "DELETE FROM sessions WHERE holder = $1 AND kind IN ('app', 'site') \
             AND token_hash != $2",
        )
        .bind(id.as_str())
        .bind(keep_token_hash)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn find_person(&self, id: &IdNumber) -> Result<Option<PersonRecord>, StoreError> {
        let sql = format!("SELECT {PERSON_COLUMNS} FROM persons p WHERE p.id_number = $1");
        Ok(sqlx::query_as::<_, PersonRecord>(&sql)
            .bind(id.as_str())
            .fetch_optional(self.reader())
            .await?)
    }

    async fn find_subscription(
        &self,
        mobile: &MobileNumber,
    ) -> Result<Option<TelecomSubscription>, StoreError> {
        let row = sqlx::query(
            "SELECT mobile, owner_id, carrier, contract FROM telecom_subscriptions WHERE mobile = $1",
        )
        .bind(mobile.as_str())
        .fetch_optional(self.reader())
        .await?;
        row.map(|row| {
            let owner: String = row.try_get("owner_id")?;
            let contract: String = row.try_get("contract")?;
            Ok(TelecomSubscription {
                mobile: mobile.clone(),
                owner_id: IdNumber::parse(&owner).map_err(|e| corrupt(format!("{owner}: {e}")))?,
                carrier: row.try_get("carrier")?,
                contract: match contract.as_str() {
                    "monthly" => Contract::Monthly,
                    "prepaid" => Contract::Prepaid,
                    other => return Err(corrupt(format!("contract {other:?}"))),
                },
            })
        })
        .transpose()
    }

    async fn insert_subscription(&self, sub: &TelecomSubscription) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO telecom_subscriptions (mobile, owner_id, carrier, contract) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(sub.mobile.as_str())
        .bind(sub.owner_id.as_str())
        .bind(&sub.carrier)
        .bind(match sub.contract {
            Contract::Monthly => "monthly",
            Contract::Prepaid => "prepaid",
        })
        .execute(self.writer())
        .await?;
        Ok(())
    }

    async fn monthly_number_of(&self, owner: &IdNumber) -> Result<Option<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT mobile FROM telecom_subscriptions \
             WHERE owner_id = $1 AND contract = 'monthly' ORDER BY mobile LIMIT 1",
        )
        .bind(owner.as_str())
        .fetch_optional(self.reader())
        .await?)
    }

    async fn find_account(&self, id: &IdNumber) -> Result<Option<AccountRecord>, StoreError> {
        let sql = format!(
            "SELECT {PERSON_COLUMNS}, a.password_hash \
             FROM accounts a JOIN persons p USING (id_number) WHERE a.id_number = $1"
        );
        let row = sqlx::query(&sql)
            .bind(id.as_str())
            .fetch_optional(self.reader())
            .await?;
        row.map(|row| {
            Ok(AccountRecord {
                person: PersonRecord::from_row(&row)?,
                password_hash: row.try_get("password_hash")?,
            })
        })
        .transpose()
    }
}
