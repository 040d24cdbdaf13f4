//! The language the system (or the browser) is set to, for the first start: a caregiver
//! whose phone speaks Indonesian should not have to find the picker in Chinese.

use nhi_core::i18n::Lang;

/// The first of the user's preferred languages that the app speaks, if any.
pub fn system_lang() -> Option<Lang> {
    let locales: Vec<String> = sys_locale::get_locales().collect();
    Lang::first_known(locales.iter().map(String::as_str))
}
