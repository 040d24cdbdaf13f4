//! The OpenAPI document's frame: title, schemas, the bearer scheme. Its paths come from the
//! router itself (`routes::api`), so what is documented is what is served.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use nhi_core::api::{
    ActionApproval, AnswerVideoVisit, ApplicationView, AuthorizationList, AuthorizationOffer,
    AuthorizationState, AuthorizationUse, AuthorizationView, BindRequest, BindResponse,
    BindingProof, CardQr, CardState, CardUse, CardView, CategoryCount, Challenge, ChallengeRequest,
    ChangePassword, CreateAuthorization, CreateVideoVisit, DataRequest, DeviceInfo, EnrolKey,
    EnrolPasskey, HealthBankOverview, Institution, LoginRequest, LoginResponse, Me, Party,
    PasskeyCeremony, PasskeyCeremonyRequest, PasskeySignIn, Person, PhoneCheckRequest,
    PhoneCheckResponse, Problem, ProblemCode, QrScanResponse, QrState, QrStatus, QuickSignIn,
    QuickSignInKey, QuickSignInKeys, RecordDetail, RecordPage, RecordSummary, RedeemAuthorization,
    StaffApplication, StaffApplicationFiled, StaffPersonCheck, StaffPersonChecked,
    SubmitApplication, UploadResponse, Verification, VerifyRequest, VideoVisitAnswer,
    VideoVisitRequest, VideoVisitState, VideoVisitStatus,
};
use nhi_core::domain::quick_sign_in::Purpose;

#[derive(OpenApi)]
#[openapi(
    info(title = "NHI Express reference backend", description = "Virtual NHI Card API, version 1. Errors are RFC 9457 problem details (application/problem+json) with a stable `code`."),
    components(schemas(
        LoginRequest, LoginResponse, Me, ChangePassword, Person, Problem, ProblemCode, PhoneCheckRequest,
        PhoneCheckResponse, BindRequest, BindResponse, BindingProof, DeviceInfo, QrScanResponse,
        CardView, CardState, ApplicationView, UploadResponse, SubmitApplication,
        CardQr, QrState, QrStatus, VerifyRequest, Verification, Institution, DataRequest,
        CategoryCount, HealthBankOverview, RecordSummary, RecordPage, RecordDetail,
        CreateAuthorization, AuthorizationOffer, RedeemAuthorization, AuthorizationState, Party,
        AuthorizationUse, AuthorizationView, AuthorizationList, CreateVideoVisit,
        VideoVisitState, VideoVisitStatus, VideoVisitRequest, VideoVisitAnswer, AnswerVideoVisit,
        CardUse, ChallengeRequest, Challenge, Purpose, EnrolKey, QuickSignInKey, QuickSignInKeys,
        QuickSignIn, PasskeyCeremonyRequest, PasskeyCeremony, EnrolPasskey, PasskeySignIn, ActionApproval,
        StaffPersonCheck, StaffPersonChecked, StaffApplication, StaffApplicationFiled,
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

/// Declares, on every operation of the document, the answers every route can give beside its
/// own: a malformed request (400), a missing or wrong session or clinic card (401, where the
/// operation needs one), a body that is too slow, too large or of the wrong type (408, 413,
/// 415, where it takes one), a rate limit or a client's too many uploads at once (429), and
/// the server's own trouble (500, 503). An operation's own description of a code is kept.
pub fn declare_every_answer(doc: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::path::Operation;
    for (path, item) in doc.paths.paths.iter_mut() {
        let names_a_thing = path.contains('{');
        let operations: [&mut Option<Operation>; 5] = [
            &mut item.get,
            &mut item.post,
            &mut item.put,
            &mut item.patch,
            &mut item.delete,
        ];
        for operation in operations.into_iter().flatten() {
            let bearer = operation.security.as_ref().is_some_and(|s| !s.is_empty());
            let clinic = operation.parameters.as_ref().is_some_and(|p| {
                p.iter()
                    .any(|p| p.name.eq_ignore_ascii_case("X-Institution-Code"))
            });
            let has_body = operation.request_body.is_some();
            let mut declare = |status: &str, what: &str| {
                operation
                    .responses
                    .responses
                    .entry(status.to_owned())
                    .or_insert_with(|| problem_answer(what).into());
            };
            declare(
                "400",
                "invalid_request: a parameter or the body could not be read",
            );
            if names_a_thing {
                declare("404", "not_found: no such thing of yours");
            }
            if bearer {
                declare("401", "unauthenticated, session_expired");
            }
            if clinic {
                declare("401", "institution_credentials (his_code 4012 / 4014)");
            }
            if has_body {
                declare("408", "upload_too_slow: the body stalled or took too long");
                declare("413", "payload_too_large");
                declare(
                    "415",
                    "the body's media type is not the one this operation takes",
                );
                declare(
                    "422",
                    "invalid_request: the body's fields are not the ones expected",
                );
            }
            declare(
                "429",
                "too_many_attempts: a rate limit, or too many uploads at once from one network",
            );
            declare("500", "internal");
            declare("503", "service_busy: try again after retry_after_seconds");
        }
    }
}

fn problem_answer(what: &str) -> utoipa::openapi::Response {
    use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
    ResponseBuilder::new()
        .description(what)
        .content(
            nhi_core::api::problem::CONTENT_TYPE,
            ContentBuilder::new()
                .schema(Some(Ref::from_schema_name("Problem")))
                .build(),
        )
        .build()
}
