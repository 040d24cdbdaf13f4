//! Hooks the screens share.

use std::future::Future;
use std::sync::Arc;

use dioxus::prelude::*;

use crate::UiState;
use nhi_client::app::{Flows, Services, Session};
use nhi_client::client::ClientError;

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

/// Whether this device can offer quick sign-in (a browser is asked once): `None` until it
/// has answered.
pub fn use_quick_sign_in_availability() -> Resource<nhi_client::platform::Availability> {
    let services = use_context::<Services>();
    use_resource(move || {
        let flows = services.flows.clone();
        async move { flows.quick_sign_in_availability().await }
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
    let action = use_busy_action::<String>();
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
pub struct BusyAction<E: 'static> {
    pub busy: Signal<bool>,
    pub error: Signal<Option<E>>,
}

impl<E: 'static> Clone for BusyAction<E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E: 'static> Copy for BusyAction<E> {}

impl<E: 'static> BusyAction<E> {
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

/// A [`BusyAction`] of this screen.
pub fn use_busy_action<E: 'static>() -> BusyAction<E> {
    BusyAction {
        busy: use_signal(|| false),
        error: use_signal(|| None),
    }
}

/// The video visit requests for the signed-in person's card and the cards they may present,
/// looked at every few seconds while the screen is shown (a clinic's request must reach a
/// patient on a video call without a reload). Empty while signed out or before the first
/// answer; a failed look keeps what was shown. `reload` looks at once.
pub fn use_video_visits() -> (Signal<Vec<nhi_core::api::VideoVisitRequest>>, Callback<()>) {
    use nhi_client::app::video_visit::CHECK_EVERY_SECONDS;
    let state = use_context::<UiState>();
    let services = use_context::<Services>();
    let mut requests = use_signal(Vec::new);
    let mut wake = use_signal(|| 0u64);
    use_future(move || {
        let flows = services.flows.clone();
        async move {
            loop {
                let session = state.session.peek().clone();
                match session {
                    Some(session) => {
                        if let Ok(found) = flows.video_visits(&session).await {
                            if *requests.peek() != found {
                                requests.set(found);
                            }
                        }
                    }
                    None if !requests.peek().is_empty() => requests.set(Vec::new()),
                    None => {}
                }
                let woken = *wake.peek();
                // Sleep in one-second steps, so a reload asked for meanwhile starts at once.
                for _ in 0..CHECK_EVERY_SECONDS {
                    nhi_client::platform::time::sleep(std::time::Duration::from_secs(1)).await;
                    if *wake.peek() != woken {
                        break;
                    }
                }
            }
        }
    });
    let reload = use_callback(move |()| *wake.write() += 1);
    (requests, reload)
}
