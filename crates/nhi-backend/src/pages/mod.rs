//! The backend's own HTML pages: the registration website, the reviewer console and the
//! clinic counter, in zh-TW and English (`page_lang`).

pub mod counter;
mod door;
pub mod page_lang;
mod render;
pub mod review;
pub mod site;
pub mod time_text;

pub use page_lang::PageLang;
pub(crate) use render::render;
