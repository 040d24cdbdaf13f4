//! `nhi-scan IMAGE…`: reads the QR codes in photos or screenshots with the same pipeline the
//! backend uses, and prints for each file the text of every code found — or why none was.
//! Exit status 0 when every file had a code, 1 otherwise, 2 on usage errors.

use std::process::ExitCode;

use nhi_backend::services::qr_scan;

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() || files.iter().any(|f| f == "--help" || f == "-h") {
        eprintln!("usage: nhi-scan IMAGE…\n\nPrints the text of the QR codes in each image (JPEG, PNG, WebP, GIF, BMP),\nor the reason none could be read.");
        return if files.is_empty() {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
    }
    let mut all_read = true;
    for file in &files {
        match std::fs::read(file) {
            Err(e) => {
                all_read = false;
                println!("{file}: cannot open: {e}");
            }
            Ok(bytes) => match qr_scan::scan(&bytes) {
                Ok(texts) => {
                    for text in texts {
                        println!("{file}: {text}");
                    }
                }
                Err(e) => {
                    all_read = false;
                    println!("{file}: no QR code read: {e}");
                }
            },
        }
    }
    if all_read {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
