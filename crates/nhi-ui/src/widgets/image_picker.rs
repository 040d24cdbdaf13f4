//! Taking a photo or choosing an image, the same way on every build, from the manual's three
//! sources: 選擇照片 (the photo library: no `capture`, so a phone never hides the album —
//! FAQ 5 allows existing photos), 使用相機 (`capture` names the camera) and 選擇檔案 (by
//! file type, which phones open in their file manager). A camera that gives nothing — the
//! permission denied, or a blank preview — brings up how to allow it. The bytes go to the
//! caller, which runs them through the same image and QR pipelines everywhere.

use dioxus::prelude::*;

use crate::UiState;

/// Larger files are refused before they are read into memory: no camera photo comes close.
pub const MAX_PICK_BYTES: u64 = 40 * 1024 * 1024;

/// Which camera a phone opens first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Camera {
    /// The front camera, for a portrait of the card holder.
    Front,
    /// The back camera, for scanning a QR code.
    Back,
}

impl Camera {
    fn capture(self) -> &'static str {
        match self {
            Camera::Front => "user",
            Camera::Back => "environment",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PickedImage {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The three sources, in the manual's order: (message id, `accept`, whether the camera).
const SOURCES: [(&str, &str, bool); 3] = [
    ("image-picker-choose-photo", "image/*", false),
    ("image-picker-use-camera", "image/*", true),
    (
        "image-picker-choose-file",
        ".jpg,.jpeg,.png,.webp,.heic,.heif,.gif,.bmp,.tif,.tiff",
        false,
    ),
];

#[component]
pub fn ImagePicker(
    label: String,
    camera: Camera,
    on_pick: EventHandler<PickedImage>,
    on_error: EventHandler<String>,
) -> Element {
    let lang = use_context::<UiState>().lang();
    let mut reading = use_signal(|| false);
    let mut camera_gave_nothing = use_signal(|| false);
    let read = move |event: FormEvent, from_camera: bool| async move {
        let Some(file) = event.files().into_iter().next() else {
            // The camera came back without a photo: most often it is not allowed.
            camera_gave_nothing.set(from_camera);
            return;
        };
        camera_gave_nothing.set(false);
        if file.size() > MAX_PICK_BYTES {
            on_error.call(lang.t("image-picker-file-too-large-over"));
            return;
        }
        reading.set(true);
        match file.read_bytes().await {
            Ok(bytes) => on_pick.call(PickedImage {
                name: file.name(),
                bytes: bytes.to_vec(),
            }),
            Err(e) => on_error.call(format!(
                "{} ({e})",
                lang.t("image-picker-file-could-not-read")
            )),
        }
        reading.set(false);
    };
    rsx! {
        div { class: "image-picker-group", role: "group", aria_label: "{label}",
            p { class: "image-picker-label", {label.clone()} }
            if reading() {
                p { class: "loading", role: "status", {lang.t("image-picker-reading")} }
            }
            div { class: "image-sources",
                for (id, accept, from_camera) in SOURCES {
                    label { key: "{id}", class: "button secondary image-picker", aria_busy: "{reading}",
                        input {
                            r#type: "file",
                            class: "visually-hidden",
                            accept,
                            capture: from_camera.then(|| camera.capture()),
                            onchange: move |e| read(e, from_camera),
                        }
                        {lang.t(id)}
                    }
                }
            }
            details { class: "camera-help", open: camera_gave_nothing(),
                summary { {lang.t("image-picker-camera-blank")} }
                if camera_gave_nothing() {
                    p { role: "alert", {lang.t("image-picker-camera-gave-nothing")} }
                }
                p { {lang.t("image-picker-camera-help")} }
            }
        }
    }
}
