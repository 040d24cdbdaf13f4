//! 申辦虛擬健保卡: privacy policy and terms (tick to go on) → general application: step 1 the
//! ID document (the right one for the person's age and ID type), step 2 the photo (checked on
//! the device first), step 3 the card preview and contact details → submit.
//!
//! The step is in the address, so the browser's back and "Back" go one step back with
//! everything kept; a reload keeps the step, the ticked terms and the contact details (the
//! images are not kept in the browser: a reload asks for them again).

use dioxus::prelude::*;

use crate::api::CardView;
use crate::app::card::{self, CardError, ContactForm, PreparedUpload};
use crate::app::wizard::ApplyStep as Step;
use crate::app::Services;
use crate::domain::card_application::DocumentKind;
use crate::platform::drafts;
use crate::ui::widgets::SignInRequired;
use crate::ui::widgets::{
    use_wizard, BackStep, Camera, CardFace, ImagePicker, Loading, PickedImage, StepHeading,
};
use crate::ui::{Route, UiState};

/// What a reload keeps of an application: never the images.
#[derive(Clone, Default, serde::Serialize, serde::Deserialize)]
struct Draft {
    agreed: bool,
    phone: String,
    email: String,
}

#[component]
pub fn CardApplication(step: Step) -> Element {
    let mut state = use_context::<UiState>();
    let services = use_context::<Services>();
    let nav = navigator();
    let lang = state.lang();
    let session = state.session.read().clone();
    // One draft per person: on a shared phone nobody continues another's application.
    let draft_key = session
        .as_ref()
        .map(|s| format!("card-application:{}", s.person.id_number))
        .unwrap_or_default();
    let kept = use_hook({
        let key = draft_key.clone();
        move || drafts::load::<Draft>(&key).unwrap_or_default()
    });
    let mut agreed = use_signal(|| kept.agreed);
    let mut document = use_signal(|| None::<PreparedUpload>);
    let mut photo = use_signal(|| None::<PreparedUpload>);
    let mut contact = use_signal(|| ContactForm {
        phone: kept.phone.clone(),
        email: kept.email.clone(),
    });
    // Keep the draft as it changes.
    let save_key = draft_key.clone();
    use_effect(move || {
        let contact = contact.read();
        drafts::save(
            &save_key,
            &Draft {
                agreed: agreed(),
                phone: contact.phone.clone(),
                email: contact.email.clone(),
            },
        );
    });
    // A step whose earlier input is gone (a reload, an edited address) gives way to the
    // first step that asks for it.
    let shown = step.reachable(agreed(), document.read().is_some(), photo.read().is_some());
    let wizard = use_wizard(step, shown, |step| Route::CardApplication { step });
    let step = shown;
    let mut working = use_signal(|| None::<&'static str>);
    let mut errors = use_signal(Vec::<String>::new);
    let auth = services.flows.clone();
    let load = session.clone();
    let view = use_resource(move || {
        let auth = auth.clone();
        let session = load.clone();
        async move {
            match session {
                Some(s) => auth.card(&s).await.ok(),
                None => None,
            }
        }
    });

    let Some(session) = session else {
        return rsx! { SignInRequired { title: lang.pick("申辦虛擬健保卡", "Apply for the Virtual NHI Card").to_owned() } };
    };
    let Some(Some(card_view)) = view.read().clone() else {
        return rsx! { Loading {} };
    };
    let CardView {
        person,
        required_document,
        ..
    } = card_view;

    let mut show = move |e: CardError| errors.set(e.user_messages(state.lang()));
    let picked_document = move |image: PickedImage| {
        working.set(Some("document"));
        errors.set(Vec::new());
        spawn(async move {
            match card::prepare_document(image.bytes).await {
                Ok(prepared) => document.set(Some(prepared)),
                Err(e) => show(e),
            }
            working.set(None);
        });
    };
    let picked_photo = move |image: PickedImage| {
        working.set(Some("photo"));
        errors.set(Vec::new());
        spawn(async move {
            match card::prepare_photo(image.bytes).await {
                Ok(prepared) => photo.set(Some(prepared)),
                Err(e) => {
                    photo.set(None);
                    show(e)
                }
            }
            working.set(None);
        });
    };
    let auth = services.flows.clone();
    let submit = move |e: FormEvent| {
        e.prevent_default();
        let (Some(doc), Some(pic)) = (document(), photo()) else {
            return;
        };
        let auth = auth.clone();
        let session = session.clone();
        let draft_key = draft_key.clone();
        working.set(Some("submit"));
        errors.set(Vec::new());
        spawn(async move {
            match auth
                .apply_for_card(&session, agreed(), &doc, &pic, &contact.peek())
                .await
            {
                Ok(_) => {
                    drafts::clear(&draft_key);
                    state.notify(
                        "申請已送出，審核約需 7 個工作天；審核期間可先使用無照片的虛擬健保卡。",
                        "Application sent. Review takes up to 7 working days; meanwhile the card without a photo can be used.",
                    );
                    nav.replace(Route::VirtualCard {});
                }
                Err(e) => show(e),
            }
            working.set(None);
        });
    };

    let (doc_title, doc_hint) = match required_document {
        DocumentKind::NationalIdCard => (
            lang.pick(
                "上傳國民身分證正面",
                "Upload the front of your national ID card",
            ),
            lang.pick(
                "請將身分證平放、四角入鏡、避免反光。",
                "Lay the card flat, all four corners in view, without glare.",
            ),
        ),
        DocumentKind::IdCardOrNhiCard => (
            lang.pick(
                "上傳國民身分證或健保卡正面",
                "Upload the front of the ID card or the NHI card",
            ),
            lang.pick(
                "未滿 14 歲可上傳身分證或健保卡正面。",
                "Under 14, the front of either the ID card or the NHI card will do.",
            ),
        ),
        DocumentKind::ResidencePermit => (
            lang.pick(
                "上傳居留證正面",
                "Upload the front of your residence permit (ARC)",
            ),
            lang.pick(
                "請上傳有效的居留證正面。",
                "Upload the front of your valid residence permit.",
            ),
        ),
    };
    let progress = working().map(|what| {
        let text = match what {
            "document" | "photo" => lang.pick("處理照片中…", "Processing the image…"),
            _ => lang.pick("上傳並送出中…", "Uploading and sending…"),
        };
        rsx! { p { class: "loading", role: "status", span { class: "spinner dark", aria_hidden: "true" } {text} } }
    });
    let error_list = (!errors.read().is_empty()).then(|| {
        rsx! {
            div { class: "error", role: "alert",
                for line in errors.read().iter() { p { {line.clone()} } }
            }
        }
    });
    // The current step is told by `aria-current` and, for the eye, by weight and a number
    // in a ring, not by colour alone.
    let step_item = move |this: Step, n: u8, zh: &'static str, en: &'static str| {
        let current = step == this;
        rsx! {
            li { class: if current { "current" } else { "" }, aria_current: if current { "step" } else { "false" },
                span { class: "step-number", aria_hidden: "true", "{n}" }
                {lang.pick(zh, en)}
            }
        }
    };
    let steps = rsx! {
        ol { class: "steps", aria_label: lang.pick("申辦步驟", "Steps"),
            {step_item(Step::Document, 1, "證件", "ID document")}
            {step_item(Step::Photo, 2, "照片", "Photo")}
            {step_item(Step::Review, 3, "確認", "Review")}
        }
    };

    let focus = wizard.moved();
    let back = |to: Step| rsx! { BackStep { previous: Route::CardApplication { step: to } } };
    let body = match step {
        Step::Terms => rsx! {
            div { class: "card terms",
                StepHeading { text: lang.pick("隱私權政策及服務條款", "Privacy policy and terms"), focus }
                div { class: "terms-text", tabindex: "0",
                    p { {lang.pick("衛生福利部中央健康保險署（以下稱健保署）為辦理虛擬健保卡，蒐集您的姓名、身分證號、出生日期、證件影像、照片、聯絡電話及電子郵件，僅用於身分核對、製發及管理虛擬健保卡，並依個人資料保護法保護。", "To issue the Virtual NHI Card, the NHIA collects your name, ID number, date of birth, ID document image, photo, contact phone and e-mail, uses them only to verify your identity and to issue and manage the card, and protects them under the Personal Data Protection Act.")} }
                    p { {lang.pick("照片應為最近 6 個月內、正面、脫帽、五官清晰、白色背景之半身照，不得修圖。照片經審核通過後無法更換。", "The photo must be recent (6 months), front-facing, without headwear, with clear features, on a white background, unedited. Once approved, it cannot be changed.")} }
                    p { {lang.pick("虛擬健保卡限本人及經本人授權者使用，不得轉讓或冒用。", "The card is for you and those you authorise; it may not be passed on or misused.")} }
                }
                label { class: "checkbox",
                    input { r#type: "checkbox", checked: agreed(), onchange: move |e| agreed.set(e.checked()) }
                    {lang.pick("我已閱讀並同意隱私權政策及服務條款", "I have read and agree to the privacy policy and the terms")}
                }
                button { class: "button primary", r#type: "button", disabled: !agreed(), onclick: move |_| wizard.go(Step::Document),
                    {lang.pick("一般申辦", "General application")}
                }
            }
        },
        Step::Document => rsx! {
            {steps}
            div { class: "card form",
                StepHeading { text: doc_title, focus }
                p { class: "hint", {doc_hint} }
                ImagePicker { label: lang.pick("拍照或選擇檔案", "Take a photo or choose a file").to_owned(), camera: Camera::Back, on_pick: picked_document, on_error: move |t: String| errors.set(vec![t]) }
                {progress}
                {error_list}
                if let Some(doc) = document() {
                    img { class: "upload-preview", src: "{doc.preview}", alt: lang.pick("證件預覽", "Document preview") }
                    button { class: "button primary", r#type: "button", onclick: move |_| { errors.set(Vec::new()); wizard.go(Step::Photo) }, {lang.pick("下一步", "Next")} }
                }
                {back(Step::Terms)}
            }
        },
        Step::Photo => rsx! {
            {steps}
            div { class: "card form",
                StepHeading { text: lang.pick("上傳大頭照", "Upload your photo"), focus }
                ul { class: "prepare hint",
                    li { {lang.pick("最近 6 個月內、正面、半身、脫帽，五官清晰", "Recent (6 months), front-facing, upper body, no headwear, clear features")} }
                    li { {lang.pick("白色背景、頭部完整入鏡、不得修圖", "White background, whole head in the frame, no editing")} }
                    li { {lang.pick("檔案上傳前會自動檢查並縮小至 5 MB 以下", "The photo is checked and reduced below 5 MB before upload")} }
                }
                ImagePicker { label: lang.pick("拍照或選擇照片", "Take or choose a photo").to_owned(), camera: Camera::Front, on_pick: picked_photo, on_error: move |t: String| errors.set(vec![t]) }
                {progress}
                {error_list}
                if let Some(pic) = photo() {
                    img { class: "upload-preview portrait", src: "{pic.preview}", alt: lang.pick("照片預覽", "Photo preview") }
                    p { class: "notice-inline", role: "status", {lang.pick("照片檢查通過。", "The photo passed the checks.")} }
                    button { class: "button primary", r#type: "button", onclick: move |_| { errors.set(Vec::new()); wizard.go(Step::Review) }, {lang.pick("下一步", "Next")} }
                }
                {back(Step::Document)}
            }
        },
        Step::Review => rsx! {
            {steps}
            form { class: "card form", novalidate: true, onsubmit: submit,
                StepHeading { text: lang.pick("卡面預覽", "Card preview"), focus }
                CardFace { person: person.clone(), photo: photo().map(|p| p.preview) }
                label { r#for: "contact-phone", {lang.pick("聯絡電話（手機）", "Contact phone (mobile)")} }
                input { id: "contact-phone", r#type: "tel", inputmode: "tel", autocomplete: "tel", value: "{contact.read().phone}", oninput: move |e| contact.write().phone = e.value() }
                label { r#for: "contact-email", {lang.pick("電子郵件", "E-mail")} }
                input { id: "contact-email", r#type: "email", autocomplete: "email", value: "{contact.read().email}", oninput: move |e| contact.write().email = e.value() }
                {progress}
                {error_list}
                button { class: "button primary", r#type: "submit", disabled: working().is_some(), {lang.pick("送出申請", "Submit")} }
                {back(Step::Photo)}
            }
        },
    };

    rsx! {
        section { class: "card-application",
            h1 { {lang.pick("申辦虛擬健保卡", "Apply for the Virtual NHI Card")} }
            {body}
        }
    }
}
