//! Every screen of the app, by path.

use dioxus::prelude::*;

use crate::app::wizard::{ApplyStep, CodeStep, PhoneStep};

use super::screens::{
    Account, Authorizations, AuthorizeCard, CardApplication, CodeAuthentication, DelegateCard,
    DeviceAuthentication, GetAuthorization, HealthBank, HealthCategory, HealthRecord, Home,
    Institutions, Login, NotFound, PhoneAuthentication, Shell, VirtualCard,
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
        #[route("/card/apply?:step")]
        CardApplication { step: ApplyStep },
        #[route("/authorizations")]
        Authorizations {},
        #[route("/authorizations/new")]
        AuthorizeCard {},
        #[route("/authorizations/get")]
        GetAuthorization {},
        #[route("/authorizations/:id/card")]
        DelegateCard { id: i64 },
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

impl Route {
    /// The screen's name, for the window and document title.
    pub fn title(&self, lang: crate::domain::Lang) -> &'static str {
        match self {
            Route::Home {} => lang.pick("首頁", "Home"),
            Route::Login {} => lang.pick("登入", "Sign in"),
            Route::Account {} => lang.pick("我的", "My account"),
            Route::VirtualCard {} => lang.pick("虛擬健保卡", "Virtual NHI Card"),
            Route::CardApplication { .. } => lang.pick("申辦虛擬健保卡", "Apply for the card"),
            Route::Authorizations {} => lang.pick("查看授權", "View authorization"),
            Route::AuthorizeCard {} => lang.pick("授權使用", "Authorize"),
            Route::GetAuthorization {} => lang.pick("取得授權", "Get authorization"),
            Route::DelegateCard { .. } => {
                lang.pick("代為出示虛擬健保卡", "Show a family member's card")
            }
            Route::Institutions {} => lang.pick("可使用的院所", "Clinics that accept it"),
            Route::HealthBank {} | Route::HealthCategory { .. } | Route::HealthRecord { .. } => {
                lang.pick("健康存摺", "My Health Bank")
            }
            Route::DeviceAuthentication {} => lang.pick("裝置認證", "Device authentication"),
            Route::PhoneAuthentication { .. } => {
                lang.pick("行動電話認證", "Mobile number authentication")
            }
            Route::CodeAuthentication { .. } => {
                lang.pick("裝置碼認證", "Device code authentication")
            }
            Route::NotFound { .. } => lang.pick("找不到此頁面", "Page not found"),
        }
    }
}
