//! Hooks the screens share.

use std::future::Future;
use std::sync::Arc;

use dioxus::prelude::*;

use crate::app::{AuthService, Services, Session};
use crate::client::ClientError;
use crate::ui::UiState;

/// Loads something for the signed-in person: `Ok(None)` while no one is signed in, and
/// loaded again when someone signs in or out (the session is read inside the resource).
pub fn use_signed_in<T, Fut>(
    load: impl Fn(Arc<AuthService>, Session) -> Fut + 'static,
) -> Resource<Result<Option<T>, ClientError>>
where
    T: 'static,
    Fut: Future<Output = Result<T, ClientError>> + 'static,
{
    let state = use_context::<UiState>();
    let services = use_context::<Services>();
    use_resource(move || {
        let pending = state
            .session
            .read()
            .clone()
            .map(|session| load(services.auth.clone(), session));
        async move {
            match pending {
                Some(work) => work.await.map(Some),
                None => Ok(None),
            }
        }
    })
}
