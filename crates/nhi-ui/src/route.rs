//! Every screen of the app, by path.

use dioxus::prelude::*;

use nhi_client::app::wizard::{ApplyStep, CodeStep, PhoneStep};

use super::screens::{
    Account, ApplicationRecords, Authorizations, AuthorizeCard, CardApplication,
    CodeAuthentication, DelegateCard, DeviceAuthentication, GetAuthorization, HealthBank,
    HealthCategory, HealthRecord, Home, Institutions, Login, NotFound, PhoneAuthentication,
    Services, Shell, StaffApplication, VirtualCard,
};

#[derive(Routable, Clone, PartialEq, Debug)]
#[rustfmt::skip]
pub enum Route {
    #[layout(Shell)]
        #[route("/")]
        Home {},
        /// `next`: the screen to go back to once signed in (`/login/card` → `/card`).
        #[route("/login/:..next")]
        Login { next: Vec<String> },
        #[route("/me")]
        Account {},
        #[route("/card")]
        VirtualCard {},
        #[route("/card/apply?:step")]
        CardApplication { step: ApplyStep },
        #[route("/card/apply/staff")]
        StaffApplication {},
        #[route("/card/applications")]
        ApplicationRecords {},
        #[route("/authorizations")]
        Authorizations {},
        #[route("/authorizations/new")]
        AuthorizeCard {},
        #[route("/authorizations/get")]
        GetAuthorization {},
        #[route("/authorizations/:id/card")]
        DelegateCard { id: i64 },
        #[route("/services")]
        Services {},
        #[route("/institutions")]
        Institutions {},
        #[route("/health-bank")]
        HealthBank {},
        #[route("/health-bank/categories/:category")]
        HealthCategory { category: String },
        #[route("/health-bank/records/:id")]
        HealthRecord { id: i64 },
        #[route("/device-authentication")]
        DeviceAuthentication {},
        #[route("/device-authentication/phone?:step")]
        PhoneAuthentication { step: PhoneStep },
        #[route("/device-authentication/code?:step")]
        CodeAuthentication { step: CodeStep },
        #[route("/:..segments")]
        NotFound { segments: Vec<String> },
}

/// The tab bar's five tabs, as the manuals show them: 首頁 · 健康存摺 · 健保櫃檯 · 虛擬健保卡 · 我的.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Home,
    HealthBank,
    Services,
    Card,
    Me,
}

impl Route {
    /// The tab a screen belongs to (shown as the active one).
    pub fn tab(&self) -> Tab {
        match self {
            Route::Home {} | Route::NotFound { .. } => Tab::Home,
            Route::HealthBank {} | Route::HealthCategory { .. } | Route::HealthRecord { .. } => {
                Tab::HealthBank
            }
            Route::VirtualCard {} | Route::DelegateCard { .. } => Tab::Card,
            Route::Account {} | Route::Login { .. } => Tab::Me,
            Route::Services {}
            | Route::CardApplication { .. }
            | Route::StaffApplication {}
            | Route::ApplicationRecords {}
            | Route::Institutions {}
            | Route::DeviceAuthentication {}
            | Route::PhoneAuthentication { .. }
            | Route::CodeAuthentication { .. }
            | Route::Authorizations {}
            | Route::AuthorizeCard {}
            | Route::GetAuthorization {} => Tab::Services,
        }
    }

    /// The sign-in screen, which comes back here once signed in. Only the path is kept (a
    /// wizard's step starts again from what it needs), and it can only name a screen of
    /// the app: the address parses back into a route or is ignored.
    pub fn sign_in_then(back: &Route) -> Route {
        let next = match back {
            Route::Login { .. } | Route::NotFound { .. } | Route::Home {} => Vec::new(),
            other => {
                let path = other.path();
                path.split('/')
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect()
            }
        };
        Route::Login { next }
    }

    /// The address without its query: the screen, whatever its wizard step.
    pub fn path(&self) -> String {
        let address = self.to_string();
        address.split('?').next().unwrap_or_default().to_owned()
    }

    /// Where a sign-in goes: the screen `next` names, else home.
    pub fn after_sign_in(next: &[String]) -> Route {
        match format!("/{}", next.join("/")).parse::<Route>() {
            Ok(Route::Login { .. } | Route::NotFound { .. }) | Err(_) => Route::Home {},
            Ok(route) => route,
        }
    }

    /// The screen's name, for the window and document title.
    pub fn title(&self, lang: nhi_core::i18n::Lang) -> String {
        match self {
            Route::Home {} => lang.t("common-home"),
            Route::Login { .. } => lang.t("common-sign-in"),
            Route::Account {} => lang.t("common-my-account"),
            Route::VirtualCard {} => lang.t("common-virtual-nhi-card"),
            Route::CardApplication { .. } => lang.t("route-apply-card"),
            Route::StaffApplication {} => lang.t("card-application-staff-application"),
            Route::ApplicationRecords {} => lang.t("records-title"),
            Route::Authorizations {} => lang.t("common-view-authorization"),
            Route::AuthorizeCard {} => lang.t("common-authorize"),
            Route::GetAuthorization {} => lang.t("common-get-authorization"),
            Route::DelegateCard { .. } => lang.t("common-show-family-members-card"),
            Route::Services {} => lang.t("common-nhi-counter"),
            Route::Institutions {} => lang.t("route-clinics-that-accept"),
            Route::HealthBank {} | Route::HealthCategory { .. } | Route::HealthRecord { .. } => {
                lang.t("common-my-health-bank")
            }
            Route::DeviceAuthentication {} => lang.t("common-device-authentication"),
            Route::PhoneAuthentication { .. } => lang.t("common-mobile-number-authentication"),
            Route::CodeAuthentication { .. } => lang.t("common-device-code-authentication"),
            Route::NotFound { .. } => lang.t("common-page-not-found"),
        }
    }
}
