//! Hooks the screens share.

use std::future::Future;
use std::sync::Arc;

use dioxus::prelude::*;

use crate::app::{Flows, Services, Session};
use crate::client::ClientError;
use crate::ui::UiState;

/// Loads something for the signed-in person: `Ok(None)` while no one is signed in, and
/// loaded again when someone signs in or out (the session is read inside the resource).
pub fn use_signed_in<T, Fut>(
    load: impl Fn(Arc<Flows>, Session) -> Fut + 'static,
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
            .map(|session| load(services.flows.clone(), session));
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
    let action = use_action::<String>();
    let end = use_callback(move |_: ()| {
        let auth = services.flows.clone();
        let session = session.clone();
        action.run(async move {
            auth.cancel_authorization(&session, id)
                .await
                .map_err(|e| e.user_message(state.lang()))?;
            on_done.call(());
            Ok(())
        });
    });
    EndAuthorization {
        end,
        busy: action.busy,
        error: action.error,
    }
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

/// The state of one thing a screen does on a tap (sign in, allow, end …): `busy` while it
/// runs (the button disabled, a second tap ignored), `error` from its last failure.
pub struct Action<E: 'static> {
    pub busy: Signal<bool>,
    pub error: Signal<Option<E>>,
}

impl<E: 'static> Clone for Action<E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E: 'static> Copy for Action<E> {}

impl<E: 'static> Action<E> {
    /// Runs `work` unless it is already running: clears the last error, and keeps the
    /// failure in `error`. `Ok` results are for `work` itself to apply.
    pub fn run(mut self, work: impl Future<Output = Result<(), E>> + 'static) {
        if *self.busy.peek() {
            return;
        }
        self.busy.set(true);
        self.error.set(None);
        spawn(async move {
            if let Err(e) = work.await {
                self.error.set(Some(e));
            }
            self.busy.set(false);
        });
    }
}

/// An [`Action`] of this screen.
pub fn use_action<E: 'static>() -> Action<E> {
    Action {
        busy: use_signal(|| false),
        error: use_signal(|| None),
    }
}
