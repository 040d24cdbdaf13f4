//! `nhi-express`: the desktop (tester) build of the app.
//!
//! Without `NHI_BACKEND_URL` it starts the reference backend in-process on loopback with
//! the demo persons, so one command shows a working app.

use dioxus::desktop::{Config, LogicalSize, WindowBuilder};
use nhi_backend::{configuration::LogFormat, telemetry};
use nhi_client::platform::system_lang::system_lang;
use nhi_ui::{App, SystemLang};

mod desktop;

fn main() {
    telemetry::init(LogFormat::Pretty);
    // The embedded backend serves from this runtime's worker threads while the window's
    // event loop owns the main thread.
    let runtime = tokio::runtime::Runtime::new().expect("a Tokio runtime");
    let prepared = runtime.block_on(desktop::prepare());
    if let Some(backend) = &prepared.embedded_backend {
        println!(
            "Built-in backend at {} (CA: {})",
            backend.base_url(),
            backend.ca_path().display()
        );
    }
    let window = WindowBuilder::new()
        .with_title("全民健保行動快易通 NHI Express")
        .with_inner_size(LogicalSize::new(420.0, 820.0))
        .with_min_inner_size(LogicalSize::new(340.0, 560.0));
    dioxus::LaunchBuilder::desktop()
        .with_cfg(Config::new().with_window(window).with_menu(None))
        .with_context(prepared.setup)
        .with_context(SystemLang(system_lang()))
        .launch(App);
    drop(prepared.embedded_backend);
    drop(runtime);
}
