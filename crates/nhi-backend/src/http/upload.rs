//! Reading an upload's body in a handler, after the checks that must come first (a rate
//! limit, a session), into one buffer of at most `limit` bytes: a body that says it is larger
//! is refused before a byte is read, and one that turns out larger is refused as soon as it
//! passes the limit. (`body_limits` bounds every body by the client's budget and by time.)

use axum::body::{Body, Bytes};
use http_body_util::BodyExt;

/// Why an upload could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UploadError {
    /// Larger than the route takes.
    TooLarge,
    /// The body broke off (the client went away, or `body_limits` cut it off — which then
    /// answers for it).
    Broken,
}

/// The whole body, at most `limit` bytes.
pub async fn read_capped(mut body: Body, limit: usize) -> Result<Bytes, UploadError> {
    let declared = http_body::Body::size_hint(&body).lower();
    if declared > limit as u64 {
        return Err(UploadError::TooLarge);
    }
    // One buffer the size the client declared (never more than the limit), filled as the
    // frames arrive: no second copy of a large photo.
    let mut bytes = Vec::with_capacity(declared as usize);
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|_| UploadError::Broken)?;
        if let Some(data) = frame.data_ref() {
            if bytes.len() + data.len() > limit {
                return Err(UploadError::TooLarge);
            }
            bytes.extend_from_slice(data);
        }
    }
    Ok(Bytes::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn reads_up_to_the_limit_and_refuses_beyond() {
        let ok = read_capped(Body::from(vec![7u8; 100]), 100).await.unwrap();
        assert_eq!(ok.len(), 100);
        assert_eq!(
            read_capped(Body::from(vec![7u8; 101]), 100).await,
            Err(UploadError::TooLarge)
        );
    }
}
