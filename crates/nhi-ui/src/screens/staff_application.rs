//! 專案申請（醫事 / 臨櫃人員）: a professional of a home-care plan institution applies for the
//! Virtual NHI Card on a registered case's behalf, or NHIA counter staff for a person at the
//! counter — the cards (in memory only, as a card reader holds a card) or the staff account, the person as their ID document says, their consent with the signed
//! form photographed, the ID document and the photo (checked on the device as in a general
//! application), their contact, and done: the person is told, and may withdraw.

use dioxus::prelude::*;

use crate::widgets::{Camera, ImagePicker, PhotoRules, PickedImage, SignInRequired, StepHeading};
use crate::UiState;
use nhi_client::app::card::{self, ContactForm, PreparedUpload};
use nhi_client::app::staff_application::professional;
use nhi_client::app::staff_application::{PersonForm, StaffError, StaffImages};
use nhi_client::app::Services;
use nhi_client::client::{StaffCards, StaffIdentity};
use nhi_core::api::{StaffApplicationFiled, StaffPersonChecked};

/// Where the staff member is. Not in the address: a reload takes the cards out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// Who applies: a professional's cards, or counter staff's account.
    Who,
    Person,
    Consent,
    Document,
    Photo,
    Contact,
}

#[component]
pub fn StaffApplication() -> Element {
    let state = use_context::<UiState>();
    let services = use_context::<Services>();
    let lang = state.lang();
    let mut stage = use_signal(|| Stage::Who);
    let mut counter = use_signal(|| false);
    let mut cards = use_signal(StaffCards::default);
    let mut account = use_signal(|| (String::new(), String::new()));
    let mut identity = use_signal(|| None::<StaffIdentity>);
    let mut person = use_signal(PersonForm::default);
    let mut checked = use_signal(|| None::<StaffPersonChecked>);
    let mut consented = use_signal(|| false);
    let mut consent_form = use_signal(|| None::<PreparedUpload>);
    let mut document = use_signal(|| None::<PreparedUpload>);
    let mut photo = use_signal(|| None::<PreparedUpload>);
    let mut contact = use_signal(ContactForm::default);
    let mut filed = use_signal(|| None::<StaffApplicationFiled>);
    let mut working = use_signal(|| false);
    let mut errors = use_signal(Vec::<String>::new);
    let title = lang.t("card-application-staff-application");

    if state.session.read().is_none() {
        return rsx! { SignInRequired { title } };
    }

    let mut fail = move |e: StaffError| errors.set(e.user_messages(state.lang()));
    let flows = services.flows.clone();
    // The professional's cards are checked with each request; counter staff sign in here.
    let identify = move |e: FormEvent| {
        e.prevent_default();
        errors.set(Vec::new());
        if !counter() {
            match professional(&cards.peek()) {
                Ok(who) => {
                    identity.set(Some(who));
                    stage.set(Stage::Person);
                }
                Err(e) => fail(e),
            }
            return;
        }
        let flows = flows.clone();
        working.set(true);
        spawn(async move {
            let (username, password) = account.peek().clone();
            match flows.sign_in_counter_staff(&username, &password).await {
                Ok(who) => {
                    account.write().1.clear();
                    identity.set(Some(who));
                    stage.set(Stage::Person);
                }
                Err(e) => fail(e),
            }
            working.set(false);
        });
    };
    let flows = services.flows.clone();
    let check = move |e: FormEvent| {
        e.prevent_default();
        let Some(who) = identity() else { return };
        let flows = flows.clone();
        working.set(true);
        errors.set(Vec::new());
        spawn(async move {
            match flows.check_staff_person(&who, &person.peek()).await {
                Ok(found) => {
                    checked.set(Some(found));
                    stage.set(Stage::Consent);
                }
                Err(e) => fail(e),
            }
            working.set(false);
        });
    };
    // Each image is checked on the device first, as in a general application.
    let mut picked =
        move |image: PickedImage, into: Signal<Option<PreparedUpload>>, portrait: bool| {
            let mut into = into;
            working.set(true);
            errors.set(Vec::new());
            spawn(async move {
                let prepared = if portrait {
                    card::prepare_photo(image.bytes).await
                } else {
                    card::prepare_document(image.bytes).await
                };
                match prepared {
                    Ok(p) => into.set(Some(p)),
                    Err(e) => {
                        into.set(None);
                        fail(StaffError::from(e));
                    }
                }
                working.set(false);
            });
        };
    let flows = services.flows.clone();
    let submit = move |e: FormEvent| {
        e.prevent_default();
        let (Some(who), Some(form), Some(doc), Some(pic)) =
            (identity(), consent_form(), document(), photo())
        else {
            return;
        };
        let flows = flows.clone();
        working.set(true);
        errors.set(Vec::new());
        spawn(async move {
            let images = StaffImages {
                consent_form: &form,
                document: &doc,
                photo: &pic,
            };
            let (p, k) = (person.peek().clone(), contact.peek().clone());
            match flows
                .file_staff_application(&who, &p, consented(), images, &k)
                .await
            {
                Ok(done) => filed.set(Some(done)),
                Err(e) => fail(e),
            }
            working.set(false);
        });
    };

    let progress = working().then(|| {
        rsx! { p { class: "loading", role: "status", span { class: "spinner dark", aria_hidden: "true" } {lang.t("staff-working")} } }
    });
    let error_list = (!errors.read().is_empty()).then(|| {
        rsx! {
            div { class: "error", role: "alert",
                for line in errors.read().iter() { p { {line.clone()} } }
            }
        }
    });
    let mut go = move |to: Stage| {
        errors.set(Vec::new());
        stage.set(to);
    };
    let back = move |to: Stage| {
        rsx! {
            button { class: "button text back-step", r#type: "button", onclick: move |_| go(to),
                span { aria_hidden: "true", "‹ " }
                {lang.t("wizard-back")}
            }
        }
    };
    let who = checked()
        .map(|c| {
            nhi_core::tr!(
                lang,
                "staff-checked",
                name = c.name.as_str(),
                id = c.masked_id.as_str()
            )
        })
        .unwrap_or_default();

    if let Some(done) = filed() {
        return rsx! {
            section { class: "card-application staff-application",
                h1 { {title} }
                div { class: "card",
                    p { class: "notice-inline", role: "status",
                        {nhi_core::tr!(lang, "staff-done", name = done.name.as_str(), number = done.number)}
                    }
                    button { class: "button primary", r#type: "button",
                        onclick: move |_| {
                            // The next person: nothing of this one stays; the cards (or the
                            // staff sign-in) stay in.
                            person.set(PersonForm::default());
                            checked.set(None);
                            consented.set(false);
                            consent_form.set(None);
                            document.set(None);
                            photo.set(None);
                            contact.set(ContactForm::default());
                            filed.set(None);
                            stage.set(Stage::Person);
                        },
                        {lang.t("staff-another")}
                    }
                }
            }
        };
    }

    let body = match stage() {
        Stage::Who => rsx! {
            form { class: "card form", novalidate: true, onsubmit: identify,
                StepHeading { text: lang.t("staff-who-heading"), focus: false }
                fieldset { class: "choice",
                    legend { {lang.t("staff-role")} }
                    label { class: "radio",
                        input { r#type: "radio", name: "staff-role", value: "professional", checked: !counter(),
                            onchange: move |_| { errors.set(Vec::new()); counter.set(false) } }
                        {lang.t("staff-role-professional")}
                    }
                    label { class: "radio",
                        input { r#type: "radio", name: "staff-role", value: "counter", checked: counter(),
                            onchange: move |_| { errors.set(Vec::new()); counter.set(true) } }
                        {lang.t("staff-role-counter")}
                    }
                }
                if counter() {
                    p { class: "hint", {lang.t("staff-counter-intro")} }
                    label { r#for: "staff-account", {lang.t("staff-account")} }
                    input { id: "staff-account", autocomplete: "username", autocapitalize: "none", spellcheck: "false", maxlength: "64",
                        value: "{account.read().0}", oninput: move |e| account.write().0 = e.value() }
                    label { r#for: "staff-password", {lang.t("staff-password")} }
                    input { id: "staff-password", r#type: "password", autocomplete: "current-password", maxlength: "64",
                        value: "{account.read().1}", oninput: move |e| account.write().1 = e.value() }
                } else {
                    p { class: "hint", {lang.t("staff-intro")} }
                    label { r#for: "staff-institution", {lang.t("staff-institution-code")} }
                    input { id: "staff-institution", inputmode: "numeric", autocomplete: "off", maxlength: "10",
                        value: "{cards.read().institution_code}", oninput: move |e| cards.write().institution_code = e.value() }
                    label { r#for: "staff-sam", {lang.t("staff-sam-key")} }
                    input { id: "staff-sam", r#type: "password", autocomplete: "off", maxlength: "64",
                        value: "{cards.read().sam_key}", oninput: move |e| cards.write().sam_key = e.value() }
                    label { r#for: "staff-hpc", {lang.t("staff-hpc-id")} }
                    input { id: "staff-hpc", autocomplete: "off", maxlength: "32",
                        value: "{cards.read().hpc_id}", oninput: move |e| cards.write().hpc_id = e.value() }
                    label { r#for: "staff-pin", {lang.t("staff-hpc-pin")} }
                    input { id: "staff-pin", r#type: "password", inputmode: "numeric", autocomplete: "off", maxlength: "12",
                        value: "{cards.read().hpc_pin}", oninput: move |e| cards.write().hpc_pin = e.value() }
                }
                {progress.clone()}
                {error_list.clone()}
                button { class: "button primary", r#type: "submit", disabled: working(), aria_busy: "{working}", {lang.t("common-next")} }
            }
        },
        Stage::Person => rsx! {
            form { class: "card form", novalidate: true, onsubmit: check,
                StepHeading { text: lang.t("staff-person-heading"), focus: true }
                if let Some(StaffIdentity::Counter(session)) = identity() {
                    p { class: "notice-inline", {nhi_core::tr!(lang, "staff-signed-in-as", name = session.name.as_str())} }
                }
                p { class: "hint", {lang.t("staff-person-hint")} }
                label { r#for: "staff-person-id", {lang.t("common-id-number-national-id")} }
                input { id: "staff-person-id", autocapitalize: "characters", autocomplete: "off", maxlength: "10", spellcheck: "false",
                    value: "{person.read().id_number}", oninput: move |e| person.write().id_number = e.value() }
                label { r#for: "staff-person-name", {lang.t("common-name")} }
                input { id: "staff-person-name", autocomplete: "off",
                    value: "{person.read().name}", oninput: move |e| person.write().name = e.value() }
                label { r#for: "staff-person-birth", {lang.t("common-date-birth")} }
                input { id: "staff-person-birth", r#type: "date",
                    value: "{person.read().birth_date}", oninput: move |e| person.write().birth_date = e.value() }
                {progress}
                {error_list}
                button { class: "button primary", r#type: "submit", disabled: working(), aria_busy: "{working}", {lang.t("staff-check")} }
                {back(Stage::Who)}
            }
        },
        Stage::Consent => rsx! {
            div { class: "card form",
                StepHeading { text: lang.t("staff-consent-heading"), focus: true }
                p { class: "notice-inline", role: "status", {who.clone()} }
                p { {lang.t("staff-consent-text")} }
                label { class: "checkbox",
                    input { r#type: "checkbox", checked: consented(), onchange: move |e| consented.set(e.checked()) }
                    {lang.t("staff-consented")}
                }
                ImagePicker { label: lang.t("staff-consent-photo"), camera: Camera::Back,
                    on_pick: move |image| picked(image, consent_form, false), on_error: move |t: String| errors.set(vec![t]) }
                {progress}
                {error_list}
                if let Some(form) = consent_form() {
                    img { class: "upload-preview", src: "{form.preview}", alt: lang.t("staff-consent-preview") }
                }
                button { class: "button primary", r#type: "button", disabled: !consented() || consent_form.read().is_none(),
                    onclick: move |_| go(Stage::Document), {lang.t("common-next")} }
                {back(Stage::Person)}
            }
        },
        Stage::Document => rsx! {
            div { class: "card form",
                StepHeading { text: lang.t("card-application-upload-front-national-id"), focus: true }
                p { class: "hint", {lang.t("card-application-lay-card-flat-all")} }
                ImagePicker { label: lang.t("card-application-take-photo-choose-file"), camera: Camera::Back,
                    on_pick: move |image| picked(image, document, false), on_error: move |t: String| errors.set(vec![t]) }
                {progress}
                {error_list}
                if let Some(doc) = document() {
                    img { class: "upload-preview", src: "{doc.preview}", alt: lang.t("card-application-document-preview") }
                    button { class: "button primary", r#type: "button", onclick: move |_| go(Stage::Photo), {lang.t("common-next")} }
                }
                {back(Stage::Consent)}
            }
        },
        Stage::Photo => rsx! {
            div { class: "card form",
                StepHeading { text: lang.t("card-application-upload-photo"), focus: true }
                PhotoRules {}
                ImagePicker { label: lang.t("card-application-take-choose-photo"), camera: Camera::Back,
                    on_pick: move |image| picked(image, photo, true), on_error: move |t: String| errors.set(vec![t]) }
                {progress}
                {error_list}
                if let Some(pic) = photo() {
                    img { class: "upload-preview portrait", src: "{pic.preview}", alt: lang.t("card-application-photo-preview") }
                    p { class: "notice-inline", role: "status", {lang.t("card-application-photo-passed-checks")} }
                    button { class: "button primary", r#type: "button", onclick: move |_| go(Stage::Contact), {lang.t("common-next")} }
                }
                {back(Stage::Document)}
            }
        },
        Stage::Contact => rsx! {
            form { class: "card form", novalidate: true, onsubmit: submit,
                StepHeading { text: lang.t("staff-contact-heading"), focus: true }
                p { class: "notice-inline", role: "status", {who} }
                p { class: "hint", {lang.t("staff-contact-hint")} }
                label { r#for: "staff-contact-phone", {lang.t("card-application-contact-phone-mobile")} }
                input { id: "staff-contact-phone", r#type: "tel", inputmode: "tel", autocomplete: "off",
                    value: "{contact.read().phone}", oninput: move |e| contact.write().phone = e.value() }
                label { r#for: "staff-contact-email", {lang.t("card-application-e-mail")} }
                input { id: "staff-contact-email", r#type: "email", autocomplete: "off",
                    value: "{contact.read().email}", oninput: move |e| contact.write().email = e.value() }
                {progress}
                {error_list}
                button { class: "button primary", r#type: "submit", disabled: working(), aria_busy: "{working}", {lang.t("staff-submit")} }
                {back(Stage::Photo)}
            }
        },
    };

    rsx! {
        section { class: "card-application staff-application",
            h1 { {title} }
            {body}
        }
    }
}
