//! Images the tests make: ID photos with white or dark backgrounds, camera-sized JPEGs with
//! an EXIF orientation, documents, and broken files.

use std::io::Cursor;

use image::{DynamicImage, ImageFormat, Rgb, RgbImage};

/// A portrait "person" (dark head and shoulders) on a background of the given grey.
pub fn portrait(width: u32, height: u32, background: u8) -> RgbImage {
    let (cx, cy, r) = (width as f32 / 2.0, height as f32 * 0.42, width as f32 * 0.2);
    RgbImage::from_fn(width, height, |x, y| {
        let (fx, fy) = (x as f32, y as f32);
        let head = (fx - cx).powi(2) + (fy - cy).powi(2) < r * r;
        let shoulders = fy > height as f32 * 0.7 && (fx - cx).abs() < width as f32 * 0.38;
        if head {
            Rgb([205, 160, 130])
        } else if shoulders {
            Rgb([30, 40, 70])
        } else {
            Rgb([background, background, background])
        }
    })
}

pub fn jpeg(image: &RgbImage, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
        .encode_image(image)
        .unwrap();
    out
}

pub fn png(image: &RgbImage) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    DynamicImage::ImageRgb8(image.clone())
        .write_to(&mut out, ImageFormat::Png)
        .unwrap();
    out.into_inner()
}

/// Inserts an EXIF segment saying "rotate 90° clockwise to view" (orientation 6), as phones
/// write for photos taken upright with the sensor sideways.
pub fn with_exif_orientation(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    assert_eq!(&jpeg[..2], &[0xFF, 0xD8]);
    let mut tiff = Vec::new();
    tiff.extend_from_slice(b"II*\0");
    tiff.extend_from_slice(&8u32.to_le_bytes());
    tiff.extend_from_slice(&1u16.to_le_bytes()); // one entry
    tiff.extend_from_slice(&0x0112u16.to_le_bytes()); // Orientation
    tiff.extend_from_slice(&3u16.to_le_bytes()); // SHORT
    tiff.extend_from_slice(&1u32.to_le_bytes());
    tiff.extend_from_slice(&orientation.to_le_bytes());
    tiff.extend_from_slice(&[0, 0]);
    tiff.extend_from_slice(&0u32.to_le_bytes()); // no next IFD
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&tiff);
    let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1];
    out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// A camera photo of a person against a white wall: 4000×3000 stored sideways, with
/// orientation 6, so upright it is a 3000×4000 portrait (12 megapixels).
pub fn twelve_mp_sideways_photo() -> Vec<u8> {
    let upright = portrait(3000, 4000, 246);
    let sideways = image::imageops::rotate270(&upright);
    with_exif_orientation(&jpeg(&sideways, 90), 6)
}

/// The same photo with sensor-like noise, so the JPEG is as heavy as a real camera's
/// (several MB): what the benchmark measures.
#[allow(dead_code)] // only the photo_prep bench reads it
pub fn twelve_mp_camera_photo() -> Vec<u8> {
    let mut upright = portrait(3000, 4000, 246);
    let mut state = 0x9E3779B97F4A7C15u64;
    for p in upright.pixels_mut() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let noise = (state % 25) as i16 - 12;
        for c in p.0.iter_mut() {
            *c = (*c as i16 + noise).clamp(0, 255) as u8;
        }
    }
    let sideways = image::imageops::rotate270(&upright);
    with_exif_orientation(&jpeg(&sideways, 92), 6)
}

/// A document (an ID card front) as a phone photographs it.
pub fn document() -> Vec<u8> {
    let card = RgbImage::from_fn(1200, 760, |x, y| {
        if (60..360).contains(&x) && (200..600).contains(&y) {
            Rgb([120, 110, 100])
        } else if y % 60 < 8 && x > 420 {
            Rgb([40, 40, 40])
        } else {
            Rgb([225, 232, 240])
        }
    });
    jpeg(&card, 85)
}

/// About 30 MB of PNG: a noisy portrait no PNG compressor can shrink.
pub fn thirty_mb_png() -> Vec<u8> {
    let mut state = 0x2545F4914F6CDD1Du64;
    let img = RgbImage::from_fn(2900, 3600, |x, y| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let n = (state & 0xFF) as u8;
        let edge = !(200..=2700).contains(&x) || y < 200;
        if edge {
            Rgb([250 - n % 6, 250 - n % 6, 250 - n % 6])
        } else {
            Rgb([n, n.wrapping_mul(3), n.wrapping_mul(7)])
        }
    });
    png(&img)
}

/// The marker text a hostile or careless upload carries in its metadata.
pub const GPS_MARKER: &str = "GPS 25.033964N 121.564468E";

/// A JPEG carrying metadata no clinic should ever receive: an EXIF block with the place the
/// photo was taken, and a comment.
pub fn with_location_metadata(jpeg: &[u8]) -> Vec<u8> {
    assert_eq!(&jpeg[..2], &[0xFF, 0xD8]);
    let segment = |marker: u8, payload: &[u8]| {
        let mut s = vec![0xFF, marker];
        s.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
        s.extend_from_slice(payload);
        s
    };
    let mut exif = b"Exif\0\0II*\0".to_vec();
    exif.extend_from_slice(GPS_MARKER.as_bytes());
    let mut out = vec![0xFF, 0xD8];
    out.extend(segment(0xE1, &exif));
    out.extend(segment(0xFE, GPS_MARKER.as_bytes()));
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// A decompression bomb: a valid grey PNG of `side`×`side` pixels that takes well under a
/// megabyte on disk (every row the same), written row by row so making it costs nothing.
pub fn bomb_png(side: u32) -> Vec<u8> {
    bomb_png_of(side, side, 8, 0)
}

/// A PNG of `width`×`height` of one flat colour — a few hundred kilobytes at most whatever
/// it decodes to — with `bit_depth` 8 or 16 and `colour_type` 0 (grey), 2 (RGB) or 6 (RGBA).
pub fn bomb_png_of(width: u32, height: u32, bit_depth: u8, colour_type: u8) -> Vec<u8> {
    use std::io::Write;
    let chunk = |out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]| {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&crc.sum().to_be_bytes());
    };
    let channels: usize = match colour_type {
        0 => 1,
        2 => 3,
        6 => 4,
        other => panic!("colour type {other}"),
    };
    let row_bytes = width as usize * channels * usize::from(bit_depth / 8);
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[bit_depth, colour_type, 0, 0, 0]); // no interlace
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let row: Vec<u8> = std::iter::once(0u8) // filter: none
        .chain(std::iter::repeat_n(128u8, row_bytes))
        .collect();
    for _ in 0..height {
        z.write_all(&row).unwrap();
    }
    let idat = z.finish().unwrap();
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &idat);
    chunk(&mut out, b"IEND", &[]);
    out
}
