//! Every word a person reads comes from a message catalogue (Fluent, `locales/<lang>/*.ftl`):
//! code names a message id and gives the values; the catalogue owns the words, the word
//! order, the plurals and the placeholders. One catalogue per language and part: the app's
//! (`app.ftl`) and the backend's own pages (`pages.ftl`), each in all four languages.

pub mod catalogue;
mod dates;
mod lang;
mod message;

pub use catalogue::{format, text, CATALOGUES};
pub use dates::date;
pub use fluent_bundle::{FluentArgs, FluentValue};
pub use lang::Lang;
pub use message::{Arg, Msg};

/// A message with placeholders: `tr!(lang, "card-qr-used-at", place = name, time = at)`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:expr $(, $name:ident = $value:expr)* $(,)?) => {{
        #[allow(unused_mut)]
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($name), $crate::i18n::FluentValue::from($value)); )*
        $crate::i18n::format($lang, $id, Some(&args))
    }};
}
