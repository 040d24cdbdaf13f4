//! Every screen of the app, by path.

use dioxus::prelude::*;

use super::components::{
    Account, DeviceAuthentication, HealthBank, Home, Login, NotFound, Shell, VirtualCard,
};

#[derive(Routable, Clone, PartialEq, Debug)]
#[rustfmt::skip]
pub enum Route {
    #[layout(Shell)]
        #[route("/")]
        Home {},
        #[route("/login")]
        Login {},
        #[route("/me")]
        Account {},
        #[route("/card")]
        VirtualCard {},
        #[route("/health-bank")]
        HealthBank {},
        #[route("/device-authentication")]
        DeviceAuthentication {},
        #[route("/:..segments")]
        NotFound { segments: Vec<String> },
}
