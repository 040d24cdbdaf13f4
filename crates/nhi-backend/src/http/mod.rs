//! HTTP around the routes: TLS, the accept loop with its limits, the middleware every answer
//! passes through, and the pages' session cookies.

pub mod body_limits;
pub mod cookies;
pub mod guards;
pub mod lingering;
pub mod server;
pub mod tls;
pub mod upload;
