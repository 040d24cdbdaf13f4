//! Taking a photo or choosing an image, the same way on every build: a file input that the
//! phone's webview turns into "camera or photo library" (with `capture` naming the camera)
//! and the desktop and browser into a file chooser. The bytes go to the caller, which runs
//! them through the same image and QR pipelines everywhere.

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

#[component]
pub fn ImagePicker(
    label: String,
    camera: Camera,
    on_pick: EventHandler<PickedImage>,
    on_error: EventHandler<String>,
) -> Element {
    let lang = use_context::<UiState>().lang();
    let mut reading = use_signal(|| false);
    let read = move |event: FormEvent| async move {
        let Some(file) = event.files().into_iter().next() else {
            return;
        };
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
        label { class: "button secondary image-picker", aria_busy: "{reading}",
            input {
                r#type: "file",
                class: "visually-hidden",
                accept: "image/*",
                capture: camera.capture(),
                onchange: read,
            }
            if reading() { {lang.t("image-picker-reading")} } else { {label} }
        }
    }
}
