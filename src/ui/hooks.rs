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

/// Ending an authorization, from either side: `end` makes the call; `busy` while it runs,
/// `error` says why it failed; `on_done` once it has ended.
#[derive(Clone, Copy)]
pub struct EndAuthorization {
    pub end: Callback<()>,
    pub busy: Signal<bool>,
    pub error: Signal<Option<String>>,
}

pub fn use_end_authorization(
    session: Session,
    id: i64,
    on_done: EventHandler<()>,
) -> EndAuthorization {
    let state = use_context::<UiState>();
    let services = use_context::<Services>();
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<String>);
    let end = use_callback(move |_: ()| {
        let auth = services.auth.clone();
        let session = session.clone();
        busy.set(true);
        error.set(None);
        spawn(async move {
            match auth.cancel_authorization(&session, id).await {
                Ok(()) => on_done.call(()),
                Err(e) => error.set(Some(e.user_message(state.lang()))),
            }
            busy.set(false);
        });
    });
    EndAuthorization { end, busy, error }
}

/// Calls `on_return` each time the app comes back to the foreground (a phone unlocked, the
/// tab shown again): what a screen shows may have changed meanwhile. Nothing happens where
/// there is no page to watch (tests without a webview).
pub fn use_on_foreground(mut on_return: impl FnMut() + 'static) {
    let on_return = use_callback(move |()| on_return());
    use_future(move || {
        let mut page = document::eval(
            "document.addEventListener('visibilitychange', () => { \
                 if (!document.hidden) dioxus.send(true); \
             }); \
             await new Promise(() => {});",
        );
        async move {
            while page.recv::<bool>().await.is_ok() {
                on_return.call(());
            }
        }
    });
}
