//! A corpus of "photographed" QR codes made from the app's own codes: rotated, skewed in
//! perspective, blurred, low in contrast, with glare, noisy, JPEG-compressed, as a phone
//! camera at a clinic counter produces them.

use image::{GrayImage, Luma};
use qrcode::{Color, QrCode};

/// The code as the app draws it: `px` pixels a module, a 4-module quiet zone.
pub fn render(payload: &str, px: u32) -> GrayImage {
    let code = QrCode::with_error_correction_level(payload.as_bytes(), qrcode::EcLevel::M).unwrap();
    let n = code.width() as u32;
    let colors = code.to_colors();
    let side = (n + 8) * px;
    GrayImage::from_fn(side, side, |x, y| {
        let (mx, my) = (x / px, y / px);
        let inside = (4..n + 4).contains(&mx) && (4..n + 4).contains(&my);
        let dark = inside && colors[((my - 4) * n + (mx - 4)) as usize] == Color::Dark;
        Luma([if dark { 0 } else { 255 }])
    })
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn unit(&mut self) -> f32 {
        (self.next() % 10_000) as f32 / 10_000.0
    }
}

/// Places `src` on a grey "table" 1.6× its size, mapping with a projective warp whose corners
/// are jittered by `skew` (share of the side) and rotated by `degrees`.
fn photograph(src: &GrayImage, degrees: f32, skew: f32, rng: &mut Rng) -> GrayImage {
    let s = src.width() as f32;
    let out = (s * 1.6) as u32;
    let c = out as f32 / 2.0;
    let (sin, cos) = degrees.to_radians().sin_cos();
    let corner = |x: f32, y: f32, rng: &mut Rng| {
        let (jx, jy) = (
            (rng.unit() - 0.5) * 2.0 * skew * s,
            (rng.unit() - 0.5) * 2.0 * skew * s,
        );
        let (dx, dy) = (x - s / 2.0 + jx, y - s / 2.0 + jy);
        (c + dx * cos - dy * sin, c + dx * sin + dy * cos)
    };
    let dst = [
        corner(0.0, 0.0, rng),
        corner(s, 0.0, rng),
        corner(s, s, rng),
        corner(0.0, s, rng),
    ];
    // Inverse bilinear mapping of the quadrilateral is enough for small skews: find (u, v)
    // by a few Newton steps per pixel.
    let background = 150u8;
    GrayImage::from_fn(out, out, |x, y| {
        let (px, py) = (x as f32 + 0.5, y as f32 + 0.5);
        let (mut u, mut v) = (0.5f32, 0.5f32);
        for _ in 0..6 {
            let fx = (1.0 - u) * (1.0 - v) * dst[0].0
                + u * (1.0 - v) * dst[1].0
                + u * v * dst[2].0
                + (1.0 - u) * v * dst[3].0
                - px;
            let fy = (1.0 - u) * (1.0 - v) * dst[0].1
                + u * (1.0 - v) * dst[1].1
                + u * v * dst[2].1
                + (1.0 - u) * v * dst[3].1
                - py;
            let dxu = (1.0 - v) * (dst[1].0 - dst[0].0) + v * (dst[2].0 - dst[3].0);
            let dxv = (1.0 - u) * (dst[3].0 - dst[0].0) + u * (dst[2].0 - dst[1].0);
            let dyu = (1.0 - v) * (dst[1].1 - dst[0].1) + v * (dst[2].1 - dst[3].1);
            let dyv = (1.0 - u) * (dst[3].1 - dst[0].1) + u * (dst[2].1 - dst[1].1);
            let det = dxu * dyv - dxv * dyu;
            if det.abs() < 1e-6 {
                break;
            }
            u -= (fx * dyv - fy * dxv) / det;
            v -= (fy * dxu - fx * dyu) / det;
        }
        if (0.0..1.0).contains(&u) && (0.0..1.0).contains(&v) {
            *src.get_pixel((u * s) as u32, (v * s) as u32)
        } else {
            Luma([background])
        }
    })
}

/// One distorted photograph of `payload`; `kind` picks the distortion and `seed` its details.
pub fn distorted(payload: &str, kind: usize, seed: u64) -> (String, GrayImage) {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let clean = render(payload, 6);
    let (name, mut img) = match kind % 7 {
        0 => (
            "rotated",
            photograph(&clean, 10.0 + rng.unit() * 60.0, 0.0, &mut rng),
        ),
        1 => (
            "perspective",
            photograph(&clean, rng.unit() * 20.0 - 10.0, 0.12, &mut rng),
        ),
        2 => (
            "blurred",
            image::imageops::blur(
                &photograph(&clean, rng.unit() * 8.0, 0.03, &mut rng),
                1.2 + rng.unit(),
            ),
        ),
        3 => {
            let mut img = photograph(&clean, rng.unit() * 30.0, 0.04, &mut rng);
            for p in img.pixels_mut() {
                p.0[0] = 95 + (p.0[0] as u32 * 70 / 255) as u8; // low contrast
            }
            ("low-contrast", img)
        }
        4 => {
            let mut img = photograph(&clean, rng.unit() * 20.0, 0.05, &mut rng);
            let (w, h) = img.dimensions();
            let (gx, gy) = (
                w as f32 * (0.3 + rng.unit() * 0.4),
                h as f32 * (0.3 + rng.unit() * 0.4),
            );
            let r = w as f32 * 0.25;
            for (x, y, p) in img.enumerate_pixels_mut() {
                let d = ((x as f32 - gx).powi(2) + (y as f32 - gy).powi(2)).sqrt();
                let glare = (1.0 - d / r).max(0.0) * 150.0;
                p.0[0] = (p.0[0] as f32 + glare).min(255.0) as u8;
            }
            ("glare", img)
        }
        5 => {
            let mut img = photograph(&clean, rng.unit() * 40.0, 0.06, &mut rng);
            for p in img.pixels_mut() {
                let n = (rng.next() % 81) as i32 - 40;
                p.0[0] = (p.0[0] as i32 + n).clamp(0, 255) as u8;
            }
            ("noisy", img)
        }
        _ => {
            // A screenshot sent in a video visit: scaled down, then heavily JPEG-compressed.
            let small = image::imageops::resize(
                &clean,
                clean.width() / 2,
                clean.height() / 2,
                image::imageops::FilterType::Triangle,
            );
            let mut jpeg = Vec::new();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 25)
                .encode_image(&small)
                .unwrap();
            (
                "compressed-screenshot",
                image::load_from_memory(&jpeg).unwrap().to_luma8(),
            )
        }
    };
    if img.width() < 120 {
        img = image::imageops::resize(&img, 120, 120, image::imageops::FilterType::Nearest);
    }
    (name.to_owned(), img)
}

pub fn png(img: &GrayImage) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}
