//! The OpenAPI document's frame: title, schemas, the bearer scheme. Its paths come from the
//! router itself (`routes::api`), so what is documented is what is served.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::api::{
    AnswerVideoVisit, ApplicationView, AuthorizationList, AuthorizationOffer, AuthorizationState,
    AuthorizationUse, AuthorizationView, BindRequest, BindResponse, BindingProof, CardQr,
    CardState, CardUse, CardView, CategoryCount, CreateAuthorization, CreateVideoVisit,
    DataRequest, DeviceInfo, HealthBankOverview, Institution, LoginRequest, LoginResponse, Me,
    Party, Person, PhoneCheckRequest, PhoneCheckResponse, Problem, ProblemCode, QrScanResponse,
    QrState, QrStatus, RecordDetail, RecordPage, RecordSummary, RedeemAuthorization,
    SubmitApplication, UploadResponse, Verification, VerifyRequest, VideoVisitAnswer,
    VideoVisitRequest, VideoVisitState, VideoVisitStatus,
};

#[derive(OpenApi)]
#[openapi(
    info(title = "NHI Express reference backend", description = "Virtual NHI Card API, version 1. Errors are RFC 9457 problem details (application/problem+json) with a stable `code`."),
    components(schemas(
        LoginRequest, LoginResponse, Me, Person, Problem, ProblemCode, PhoneCheckRequest,
        PhoneCheckResponse, BindRequest, BindResponse, BindingProof, DeviceInfo, QrScanResponse,
        CardView, CardState, ApplicationView, UploadResponse, SubmitApplication,
        CardQr, QrState, QrStatus, VerifyRequest, Verification, Institution, DataRequest,
        CategoryCount, HealthBankOverview, RecordSummary, RecordPage, RecordDetail,
        CreateAuthorization, AuthorizationOffer, RedeemAuthorization, AuthorizationState, Party,
        AuthorizationUse, AuthorizationView, AuthorizationList, CreateVideoVisit,
        VideoVisitState, VideoVisitStatus, VideoVisitRequest, VideoVisitAnswer, AnswerVideoVisit,
        CardUse,
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
