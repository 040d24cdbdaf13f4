//! My Health Bank (健康存摺) for the signed-in person.

use super::auth::Flows;
use super::session::Session;
use crate::client::ClientError;
use nhi_core::api::{DataRequest, HealthBankOverview, RecordDetail, RecordPage};
use nhi_core::domain::health_bank::Category;

impl Flows {
    pub async fn request_health_data(&self, session: &Session) -> Result<DataRequest, ClientError> {
        self.client.request_health_data(&session.token).await
    }

    pub async fn health_overview(
        &self,
        session: &Session,
    ) -> Result<HealthBankOverview, ClientError> {
        self.client.health_overview(&session.token).await
    }

    pub async fn health_records(
        &self,
        session: &Session,
        category: Category,
        page: u32,
    ) -> Result<RecordPage, ClientError> {
        self.client
            .health_records(&session.token, category, page)
            .await
    }

    pub async fn health_record(
        &self,
        session: &Session,
        id: i64,
    ) -> Result<RecordDetail, ClientError> {
        self.client.health_record(&session.token, id).await
    }
}
