//! The counter page: real HTML for a clinic clerk. Put in the institution's cards (typed
//! here, as the card readers would supply them), then paste the scanned QR text or upload a
//! photo or screenshot of the patient's code; see who it is, or why not, in plain words.

use askama::Template;
use axum::extract::{Multipart, State};
use axum::response::Response;
use axum::routing::get;
use axum::Router;

use super::error::ApiError;
use super::routes::read_card_qr;
use super::site::pages::render;
use super::state::AppState;
use super::verification::{authenticate, verify, Credentials};
use crate::api::{Problem, ProblemCode, Verification};

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/counter", get(form).post(submit))
        .with_state(state)
}

/// Why the counter could not verify, in the clerk's language and in English.
struct Refusal {
    zh_title: String,
    zh_detail: String,
    title: String,
    detail: String,
    his_code: Option<u16>,
}

impl Refusal {
    fn of(problem: &Problem) -> Self {
        let (zh_title, zh_detail) = in_chinese(problem.code);
        Self {
            zh_title: zh_title.into(),
            zh_detail: zh_detail.into(),
            title: problem.title.clone(),
            detail: problem.detail.clone().unwrap_or_default(),
            his_code: problem.his_code,
        }
    }
}

/// The refusals a counter meets, as a clerk reads them (the HIS code stays beside them).
fn in_chinese(code: ProblemCode) -> (&'static str, &'static str) {
    use ProblemCode as C;
    match code {
        C::QrExpired => (
            "QR 碼已逾時",
            "此 QR 碼已超過 5 分鐘，請病人在 App 按「更新」後再出示。",
        ),
        C::QrNotFound => (
            "查無此 QR 碼",
            "這不是有效的虛擬健保卡 QR 碼，請病人重新出示。",
        ),
        C::QrReused => (
            "QR 碼已使用過",
            "此 QR 碼已用於取得就醫資料，請病人在 App 按「更新」後再出示。",
        ),
        C::NotInProgramme => (
            "本院所未加入虛擬健保卡服務",
            "本院所不接受虛擬健保卡，請病人出示實體健保卡。",
        ),
        C::CardVoided => (
            "此卡已註銷",
            "這張虛擬健保卡在 QR 碼產生後已註銷，請病人出示實體健保卡。",
        ),
        C::AuthorizationInactive => ("授權已失效", "持卡人給受託人的授權已取消或到期。"),
        C::InstitutionCredentials => (
            "讀卡失敗",
            "安全模組卡或醫事人員卡（含 PIN）有誤，或不屬於本院所。",
        ),
        C::ProfessionalCardBlocked => (
            "醫事人員卡已鎖定",
            "PIN 連續錯誤 3 次，醫事人員卡已鎖定，須由本院所解除鎖定。",
        ),
        C::TooManyAttempts => ("嘗試次數過多", "錯誤次數過多，請稍後再試。"),
        C::QrUnreadable => (
            "無法讀取 QR 碼",
            "照片或截圖中找不到可讀取的虛擬健保卡 QR 碼，請拍清楚或改用掃描器。",
        ),
        C::BadImage => ("無法使用這個檔案", "檔案不是圖片，或圖片太大。"),
        _ => ("無法驗證", "請再試一次；若仍失敗，請病人出示實體健保卡。"),
    }
}

#[derive(Template)]
#[template(path = "counter/counter.html")]
struct CounterPage {
    institution_code: String,
    hpc_id: String,
    result: Option<Verification>,
    refusal: Option<Refusal>,
}

async fn form() -> Response {
    render(&CounterPage {
        institution_code: String::new(),
        hpc_id: String::new(),
        result: None,
        refusal: None,
    })
}

async fn submit(
    State(state): State<AppState>,
    mut multipart: Multipart,
) -> Result<Response, ApiError> {
    let mut credentials = Credentials::default();
    let mut payload = String::new();
    let mut image = Vec::new();
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| ApiError::InvalidRequest(e.to_string()))?
    {
        let name = field.name().unwrap_or_default().to_owned();
        let bytes = field
            .bytes()
            .await
            .map_err(|e| ApiError::InvalidRequest(e.to_string()))?;
        let text = || String::from_utf8_lossy(&bytes).trim().to_owned();
        match name.as_str() {
            "institution_code" => credentials.institution_code = text(),
            "sam_key" => credentials.sam_key = text(),
            "hpc_id" => credentials.hpc_id = text(),
            "hpc_pin" => credentials.hpc_pin = text(),
            "payload" => payload = text(),
            "image" => image = bytes.to_vec(),
            _ => {}
        }
    }
    let outcome = async {
        let institution = authenticate(&state, &credentials).await?;
        if payload.is_empty() {
            if image.is_empty() {
                return Err(ApiError::InvalidRequest(
                    "貼上 QR 碼內容或上傳照片 Paste the QR text or upload a photo".into(),
                ));
            }
            payload = read_card_qr(image.into()).await?;
        }
        verify(&state, &institution, &payload).await
    }
    .await;
    let (result, refusal) = match outcome {
        Ok(v) => (Some(v), None),
        Err(ApiError::Refused(p)) => (None, Some(Refusal::of(&p))),
        Err(ApiError::InvalidRequest(why)) => (
            None,
            Some(Refusal {
                zh_title: "無法驗證".into(),
                zh_detail: "請貼上 QR 碼內容或上傳照片後再試。".into(),
                title: "Cannot verify".into(),
                detail: why,
                his_code: None,
            }),
        ),
        Err(other) => return Err(other),
    };
    Ok(render(&CounterPage {
        institution_code: credentials.institution_code,
        hpc_id: credentials.hpc_id,
        result,
        refusal,
    }))
}
