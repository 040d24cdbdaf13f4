//! The backend's own HTML pages: the registration website, the reviewer console and the
//! clinic counter.

pub mod counter;
pub mod review;
pub mod site;
