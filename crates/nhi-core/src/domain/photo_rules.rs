//! What a machine can check of an ID photo before upload, so the common rejection reasons
//! are caught in seconds instead of after a week of review. These rules work on facts the
//! image pipeline measured (size, dimensions, the border's brightness); no I/O here.

use super::card_application::{MAX_UPLOAD_BYTES, MIN_PHOTO_HEIGHT, MIN_PHOTO_WIDTH};

/// What the pipeline measured of a decoded, upright photo.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PhotoFacts {
    pub width: u32,
    pub height: u32,
    /// Mean brightness (0–255) of the band along the top, left and right edges, where the
    /// background shows on a proper upper-body photo.
    pub border_brightness: f32,
    /// Share (0–1) of that band's pixels that are near-white and unsaturated.
    pub border_white_share: f32,
}

/// Background brightness below this is not "white".
pub const MIN_BORDER_BRIGHTNESS: f32 = 190.0;
/// At least this share of the border must be near-white.
pub const MIN_BORDER_WHITE_SHARE: f32 = 0.6;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoProblem {
    /// Fewer pixels than a card photo needs.
    TooSmall,
    /// Wider than tall: an upper-body photo is portrait.
    NotPortrait,
    /// The background near the edges is not white enough.
    BackgroundNotWhite,
}

/// Every problem the facts show; empty when the photo may be uploaded.
pub fn check(facts: &PhotoFacts) -> Vec<PhotoProblem> {
    let mut problems = Vec::new();
    if facts.width < MIN_PHOTO_WIDTH || facts.height < MIN_PHOTO_HEIGHT {
        problems.push(PhotoProblem::TooSmall);
    }
    if facts.width > facts.height {
        problems.push(PhotoProblem::NotPortrait);
    }
    if facts.border_brightness < MIN_BORDER_BRIGHTNESS
        || facts.border_white_share < MIN_BORDER_WHITE_SHARE
    {
        problems.push(PhotoProblem::BackgroundNotWhite);
    }
    problems
}

/// Whether an encoded upload is small enough.
pub fn upload_fits(bytes: usize) -> bool {
    bytes < MAX_UPLOAD_BYTES
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(width: u32, height: u32, brightness: f32, share: f32) -> PhotoFacts {
        PhotoFacts {
            width,
            height,
            border_brightness: brightness,
            border_white_share: share,
        }
    }

    #[test]
    fn table() {
        assert!(check(&facts(600, 800, 240.0, 0.95)).is_empty());
        assert_eq!(
            check(&facts(200, 260, 240.0, 0.95)),
            [PhotoProblem::TooSmall]
        );
        assert_eq!(
            check(&facts(800, 600, 240.0, 0.95)),
            [PhotoProblem::NotPortrait]
        );
        assert_eq!(
            check(&facts(600, 800, 60.0, 0.0)),
            [PhotoProblem::BackgroundNotWhite]
        );
        assert_eq!(
            check(&facts(600, 800, 220.0, 0.3)),
            [PhotoProblem::BackgroundNotWhite]
        );
        assert!(upload_fits(MAX_UPLOAD_BYTES - 1));
        assert!(!upload_fits(MAX_UPLOAD_BYTES));
    }
}
