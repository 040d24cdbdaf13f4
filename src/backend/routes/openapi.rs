//! The OpenAPI document, generated from the same types and handlers that serve the API.

use axum::Json;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::api::{
    ApplicationView, AuthorizationList, AuthorizationOffer, AuthorizationState, AuthorizationUse,
    AuthorizationView, BindRequest, BindResponse, BindingProof, CardQr, CardState, CardView,
    CategoryCount, CreateAuthorization, DataRequest, DeviceInfo, HealthBankOverview, Institution,
    LoginRequest, LoginResponse, Me, Party, Person, PhoneCheckRequest, PhoneCheckResponse, Problem,
    ProblemCode, QrScanResponse, QrState, QrStatus, RecordDetail, RecordPage, RecordSummary,
    RedeemAuthorization, SubmitApplication, UploadResponse, Verification, VerifyRequest,
};

#[derive(OpenApi)]
#[openapi(
    info(title = "NHI Express reference backend", description = "Virtual NHI Card API, version 1. Errors are RFC 9457 problem details (application/problem+json) with a stable `code`."),
    paths(
        super::health::health, super::sessions::login, super::sessions::logout, super::me::me,
        super::device_bindings::phone_check, super::device_bindings::bind, super::qr_scans::scan,
        super::card::card, super::card::upload_document, super::card::upload_photo,
        super::card::apply, super::card::cancel, super::card::photo,
        super::card_qr::issue, super::card_qr::status, super::institution::verify_payload,
        super::institution::verify_image, super::institution::list,
        super::health_bank::request, super::health_bank::overview, super::health_bank::category,
        super::health_bank::record, super::authorizations::create, super::authorizations::redeem,
        super::authorizations::list, super::authorizations::cancel, super::authorizations::delegate_qr,
    ),
    components(schemas(
        LoginRequest, LoginResponse, Me, Person, Problem, ProblemCode, PhoneCheckRequest,
        PhoneCheckResponse, BindRequest, BindResponse, BindingProof, DeviceInfo, QrScanResponse,
        CardView, CardState, ApplicationView, UploadResponse, SubmitApplication,
        CardQr, QrState, QrStatus, VerifyRequest, Verification, Institution, DataRequest,
        CategoryCount, HealthBankOverview, RecordSummary, RecordPage, RecordDetail,
        CreateAuthorization, AuthorizationOffer, RedeemAuthorization, AuthorizationState, Party,
        AuthorizationUse, AuthorizationView, AuthorizationList,
    )),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
