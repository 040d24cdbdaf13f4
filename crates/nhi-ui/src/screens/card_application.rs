//! 申辦虛擬健保卡: privacy policy and terms (tick to go on) → general application: step 1 the
//! ID document (the right one for the person's age and ID type), step 2 the photo (checked on
//! the device first), step 3 the card preview and contact details → submit.
//!
//! The step is in the address, so the browser's back and "Back" go one step back with
//! everything kept; a reload keeps the step, the ticked terms and the contact details (the
//! images are not kept in the browser: a reload asks for them again).

use dioxus::prelude::*;

use crate::widgets::SignInRequired;
use crate::widgets::{
    use_wizard, BackStep, Camera, CardFace, ImagePicker, Loading, PhotoRules, PickedImage,
    Reminder, StepHeading,
};
use crate::{Route, UiState};
use nhi_client::app::card::{self, CardError, ContactForm, PreparedUpload};
use nhi_client::app::wizard::ApplyStep as Step;
use nhi_client::app::Services;
use nhi_client::platform::drafts;
use nhi_core::api::CardView;
use nhi_core::domain::card_application::DocumentKind;

/// The general application button's `data-action` (what tests press).
const GENERAL_APPLICATION: &str = "general-application";

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
        return rsx! { SignInRequired { title: lang.t("common-apply-virtual-nhi-card") } };
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
                    state.notify("card-application-application-sent-review-takes");
                    nav.replace(Route::VirtualCard {});
                }
                Err(e) => show(e),
            }
            working.set(None);
        });
    };

    let (doc_title, doc_hint) = match required_document {
        DocumentKind::NationalIdCard => (
            lang.t("card-application-upload-front-national-id"),
            lang.t("card-application-lay-card-flat-all"),
        ),
        DocumentKind::IdCardOrNhiCard => (
            lang.t("card-application-upload-front-id-card"),
            lang.t("card-application-under-14-front-either"),
        ),
        DocumentKind::ResidencePermit => (
            lang.t("card-application-upload-front-residence-permit"),
            lang.t("card-application-upload-front-valid-residence"),
        ),
    };
    let progress = working().map(|what| {
        let text = match what {
            "document" | "photo" => lang.t("card-application-processing-image"),
            _ => lang.t("card-application-uploading-sending"),
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
    let step_item = move |this: Step, n: u8, name: &'static str| {
        let current = step == this;
        rsx! {
            li { class: if current { "current" } else { "" }, aria_current: if current { "step" } else { "false" },
                span { class: "step-number", aria_hidden: "true", "{n}" }
                {lang.t(name)}
            }
        }
    };
    let steps = rsx! {
        ol { class: "steps", aria_label: lang.t("card-application-steps"),
            {step_item(Step::Document, 1, "card-application-id-document")}
            {step_item(Step::Photo, 2, "card-application-photo")}
            {step_item(Step::Review, 3, "card-application-review")}
        }
    };

    let focus = wizard.moved();
    let back = |to: Step| rsx! { BackStep { previous: Route::CardApplication { step: to } } };
    let body = match step {
        Step::Terms => rsx! {
            div { class: "card terms",
                StepHeading { text: lang.t("card-application-privacy-policy-terms"), focus }
                div { class: "terms-text", tabindex: "0",
                    p { {lang.t("card-application-privacy-notice")} }
                    p { {lang.t("card-application-terms-photo")} }
                    p { {lang.t("card-application-terms-card-use")} }
                }
                Reminder { ids: vec!["reminder-photo-own-short"] }
                label { class: "checkbox",
                    input { r#type: "checkbox", checked: agreed(), onchange: move |e| agreed.set(e.checked()) }
                    {lang.t("card-application-i-have-read-agree")}
                }
                // The manual's two ways on: staff applying for a person, and the person's own.
                Link { class: "button secondary", to: Route::StaffApplication {},
                    {lang.t("card-application-staff-application")}
                }
                button { class: "button primary", r#type: "button", "data-action": GENERAL_APPLICATION,
                    disabled: !agreed(), onclick: move |_| wizard.go(Step::Document),
                    {lang.t("card-application-general-application")}
                }
            }
        },
        Step::Document => rsx! {
            {steps}
            div { class: "card form",
                StepHeading { text: doc_title, focus }
                p { class: "hint", {doc_hint} }
                Reminder { ids: vec!["reminder-photo-own", "reminder-video-visit"] }
                ImagePicker { label: lang.t("card-application-take-photo-choose-file"), camera: Camera::Back, on_pick: picked_document, on_error: move |t: String| errors.set(vec![t]) }
                {progress}
                {error_list}
                if let Some(doc) = document() {
                    img { class: "upload-preview", src: "{doc.preview}", alt: lang.t("card-application-document-preview") }
                    button { class: "button primary", r#type: "button", onclick: move |_| { errors.set(Vec::new()); wizard.go(Step::Photo) }, {lang.t("common-next")} }
                }
                {back(Step::Terms)}
            }
        },
        Step::Photo => rsx! {
            {steps}
            div { class: "card form",
                StepHeading { text: lang.t("card-application-upload-photo"), focus }
                PhotoRules {}
                ImagePicker { label: lang.t("card-application-take-choose-photo"), camera: Camera::Front, on_pick: picked_photo, on_error: move |t: String| errors.set(vec![t]) }
                {progress}
                {error_list}
                if let Some(pic) = photo() {
                    img { class: "upload-preview portrait", src: "{pic.preview}", alt: lang.t("card-application-photo-preview") }
                    p { class: "notice-inline", role: "status", {lang.t("card-application-photo-passed-checks")} }
                    button { class: "button primary", r#type: "button", onclick: move |_| { errors.set(Vec::new()); wizard.go(Step::Review) }, {lang.t("common-next")} }
                }
                {back(Step::Document)}
            }
        },
        Step::Review => rsx! {
            {steps}
            form { class: "card form", novalidate: true, onsubmit: submit,
                StepHeading { text: lang.t("card-application-card-preview"), focus }
                CardFace { person: person.clone(), photo: photo().map(|p| p.preview) }
                p { class: "notice-inline", {lang.t("card-application-preview-identifiable")} }
                label { r#for: "contact-phone", {lang.t("card-application-contact-phone-mobile")} }
                input { id: "contact-phone", r#type: "tel", inputmode: "tel", autocomplete: "tel", value: "{contact.read().phone}", oninput: move |e| contact.write().phone = e.value() }
                label { r#for: "contact-email", {lang.t("card-application-e-mail")} }
                input { id: "contact-email", r#type: "email", autocomplete: "email", value: "{contact.read().email}", oninput: move |e| contact.write().email = e.value() }
                {progress}
                {error_list}
                button { class: "button primary", r#type: "submit", disabled: working().is_some(), {lang.t("card-application-submit")} }
                {back(Step::Photo)}
            }
        },
    };

    rsx! {
        section { class: "card-application",
            h1 { {lang.t("common-apply-virtual-nhi-card")} }
            {body}
        }
    }
}
