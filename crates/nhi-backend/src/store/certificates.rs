//! The simulated certificate authority's registry of citizen digital certificates
//! (自然人憑證): which serial was issued to whom, and whether it was revoked.

use async_trait::async_trait;

use super::StoreError;
use nhi_core::domain::IdNumber;

#[async_trait]
pub trait Certificates: Send + Sync + 'static {
    /// Records a certificate as issued to the person (nothing if it already is).
    async fn issue_certificate(&self, serial: &str, holder: &IdNumber) -> Result<(), StoreError>;
    /// Whether this serial was issued to this person and is not revoked.
    async fn certificate_valid_for(
        &self,
        serial: &str,
        holder: &IdNumber,
    ) -> Result<bool, StoreError>;
}
