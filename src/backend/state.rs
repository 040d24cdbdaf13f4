//! What every handler can reach.

use std::sync::Arc;

use crate::backend::store::Store;
use crate::domain::Clock;

#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    pub clock: Arc<dyn Clock>,
    /// Demo switch: approve card applications automatically after this long.
    pub auto_approve_after: Option<chrono::Duration>,
    /// How long My Health Bank takes to prepare a data request.
    pub health_bank_delay: chrono::Duration,
}
