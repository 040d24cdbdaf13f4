//! The real app in a VirtualDom without a window: opened at a path, rendered with dioxus-ssr,
//! driven by the events a webview would send, against a real backend over TLS.

use std::any::Any;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use dioxus::core::{AttributeValue, ElementId, Mutation, Mutations};
use dioxus::history::{provide_history_context, MemoryHistory};
use dioxus::html::{
    set_event_converter, PlatformEventData, SerializedFormData, SerializedHtmlEventConverter,
    SerializedMouseData,
};
use dioxus::prelude::*;
use nhi_client::app::credentials::{self, SESSION_KEY};
use nhi_client::app::device;
use nhi_client::app::{AppSetup, Flows, Services, Session};
use nhi_core::api::LoginResponse;
use nhi_core::i18n::Lang;
use nhi_ui::{App, SystemLang};

use super::memory_store::MemoryStore;
use super::TestBackend;

#[derive(Props, Clone)]
pub struct AtProps {
    pub path: String,
    pub setup: AppSetup,
    /// The system's language, as the launcher hands it over.
    pub system: SystemLang,
}

impl PartialEq for AtProps {
    fn eq(&self, _: &Self) -> bool {
        false
    }
}

/// The app as launched, opened at `path`.
#[allow(non_snake_case)]
pub fn At(props: AtProps) -> Element {
    use_hook(|| {
        provide_history_context(Rc::new(MemoryHistory::with_initial_path(
            props.path.clone(),
        )))
    });
    use_context_provider(|| props.setup.clone());
    use_context_provider(|| props.system);
    rsx! { App {} }
}

pub struct Harness {
    pub dom: VirtualDom,
    pub edits: Vec<Mutation>,
}

impl Harness {
    pub fn open(path: &str, setup: AppSetup) -> Self {
        Self::open_on_system(path, setup, SystemLang(None))
    }

    /// The app on a device whose system speaks `system`.
    pub fn open_on_system(path: &str, setup: AppSetup, system: SystemLang) -> Self {
        set_event_converter(Box::new(SerializedHtmlEventConverter));
        let mut dom = VirtualDom::new_with_props(
            At,
            AtProps {
                path: path.into(),
                setup,
                system,
            },
        );
        let edits = dom.rebuild_to_vec().edits;
        Self { dom, edits }
    }

    pub fn html(&self) -> String {
        dioxus_ssr::render(&self.dom)
    }

    pub fn record(&mut self, m: Mutations) {
        self.edits.extend(m.edits);
    }

    /// The element whose dynamic attribute `name` was last set to `value`.
    pub fn by_attr(&self, name: &str, value: &str) -> ElementId {
        self.edits
            .iter()
            .rev()
            .find_map(|m| match m {
                Mutation::SetAttribute {
                    name: n,
                    value: AttributeValue::Text(v),
                    id,
                    ..
                } if *n == name && v == value => Some(*id),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no element with {name}={value:?}"))
    }

    /// Elements of the screen listening for `event`, in document order of their creation
    /// (the title bar's language picker left out: it is on every screen).
    pub fn listeners(&self, event: &str) -> Vec<ElementId> {
        let picker = self.language_picker();
        self.edits
            .iter()
            .filter_map(|m| match m {
                Mutation::NewEventListener { name, id } if name == event => Some(*id),
                _ => None,
            })
            .filter(|id| Some(*id) != picker)
            .collect()
    }

    /// The title bar's language picker, named "Language" in the language shown.
    fn language_picker(&self) -> Option<ElementId> {
        let names = Lang::ALL.map(|l| l.t("shell-language"));
        self.edits.iter().rev().find_map(|m| match m {
            Mutation::SetAttribute {
                name: "aria-label",
                value: AttributeValue::Text(v),
                id,
                ..
            } if names.contains(v) => Some(*id),
            _ => None,
        })
    }

    pub fn fire(&mut self, event: &str, data: Box<dyn Any>, id: ElementId) {
        let data = Rc::new(PlatformEventData::new(data)) as Rc<dyn Any>;
        self.dom
            .runtime()
            .handle_event(event, dioxus::core::Event::new(data, true), id);
        let m = self.dom.render_immediate_to_vec();
        self.record(m);
    }

    pub fn click(&mut self, id: ElementId) {
        self.fire("click", Box::new(SerializedMouseData::default()), id);
    }

    pub fn type_into(&mut self, id: ElementId, text: &str) {
        self.fire(
            "input",
            Box::new(SerializedFormData::new(text.into(), vec![])),
            id,
        );
    }

    /// Picks an option of a `<select>` by its value.
    pub fn choose(&mut self, id: ElementId, value: &str) {
        self.fire(
            "change",
            Box::new(SerializedFormData::new(value.into(), vec![])),
            id,
        );
    }

    /// Switches the app's language with the picker in the title bar.
    pub fn switch_language(&mut self, lang: Lang) {
        let picker = self
            .language_picker()
            .expect("the title bar has a language picker");
        self.choose(picker, lang.code());
    }

    /// Ticks a checkbox.
    pub fn tick(&mut self, id: ElementId) {
        self.fire(
            "change",
            Box::new(SerializedFormData::new("true".into(), vec![])),
            id,
        );
    }

    /// Unticks a checkbox (its change event with the value "false").
    pub fn untick(&mut self, id: ElementId) {
        self.fire(
            "change",
            Box::new(SerializedFormData::new("false".into(), vec![])),
            id,
        );
    }

    pub fn submit(&mut self, id: ElementId) {
        self.fire(
            "submit",
            Box::new(SerializedFormData::new(String::new(), vec![])),
            id,
        );
    }

    /// Lets spawned work (HTTP calls) finish until the page shows `text`.
    pub async fn wait_for_text(&mut self, text: &str) -> String {
        for _ in 0..400 {
            let _ = tokio::time::timeout(Duration::from_millis(25), self.dom.wait_for_work()).await;
            let m = self.dom.render_immediate_to_vec();
            self.record(m);
            let html = self.html();
            if html.contains(text) {
                return html;
            }
        }
        panic!("the page never showed {text:?}:\n{}", self.html());
    }
}

pub struct Fixture {
    pub backend: TestBackend,
    pub store: Arc<MemoryStore>,
}

impl Fixture {
    pub async fn new() -> Self {
        Self {
            backend: TestBackend::spawn().await,
            store: Arc::new(MemoryStore::default()),
        }
    }

    pub fn setup(&self) -> AppSetup {
        self.setup_with(Flows::new(
            self.backend.client.clone(),
            self.store.clone(),
            Arc::new(self.backend.clock.clone()),
        ))
    }

    /// The app on a phone whose secure hardware is `authenticator`.
    pub fn setup_with_authenticator(
        &self,
        authenticator: Arc<dyn nhi_client::platform::DeviceAuthenticator>,
    ) -> AppSetup {
        self.setup_with(
            Flows::new(
                self.backend.client.clone(),
                self.store.clone(),
                Arc::new(self.backend.clock.clone()),
            )
            .with_authenticator(authenticator),
        )
    }

    fn setup_with(&self, flows: Flows) -> AppSetup {
        AppSetup::Ready(Services {
            flows: Arc::new(flows),
            backend_url: self.backend.backend.base_url(),
        })
    }

    /// Binds the app's own device to the adult and signs in from it with the password, as
    /// the login screen would; the session is kept where the app looks for it.
    pub async fn signed_in_on_app_device(&self) -> Session {
        let me = device::identity(&*self.store).unwrap();
        let bound = self.backend.bind_adult(&me).await;
        device::keep_device_key(&*self.store, &bound.id_number, &bound.device_key).unwrap();
        let login = self
            .backend
            .login(
                super::ADULT_ID,
                super::ADULT_PASSWORD,
                &me,
                &bound.device_key,
            )
            .await
            .unwrap();
        self.sign_in_as(login)
    }

    /// Binds the app's own device (as the store knows it) to the adult, as the phone path
    /// would, and keeps the device key where the app looks for it.
    pub async fn bind_app_device(&self) {
        let me = device::identity(&*self.store).unwrap();
        let bound = self.backend.bind_adult(&me).await;
        device::keep_device_key(&*self.store, &bound.id_number, &bound.device_key).unwrap();
    }

    pub async fn signed_in_session(&self) -> Session {
        self.sign_in_as(self.backend.signed_in_adult().await)
    }

    /// Keeps `login` as the app's session, as signing in on the login screen would.
    pub fn sign_in_as(&self, login: LoginResponse) -> Session {
        let session = Session {
            token: login.token,
            expires_at: login.expires_at,
            person: login.person,
        };
        credentials::save(&*self.store, SESSION_KEY, &session).unwrap();
        session
    }
}
