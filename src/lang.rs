//! The current language: from the URL prefix, remembered in the browser for the next visit.

use crate::i18n::Locale;
use api::Lang;
use leptos::prelude::*;

const STORAGE_KEY: &str = "lang";

/// The language of the current route, provided by the language layout.
#[derive(Clone, Copy)]
pub struct CurrentLang(pub Signal<Lang>);

pub fn use_lang() -> Signal<Lang> {
    use_context::<CurrentLang>().map(|c| c.0).unwrap_or_else(|| Signal::derive(preferred))
}

pub fn locale(lang: Lang) -> Locale {
    match lang {
        Lang::Kk => Locale::kk,
        Lang::Ru => Locale::ru,
        Lang::En => Locale::en,
    }
}

/// The language for `/`: the one chosen before, else the browser's, else Kazakh.
pub fn preferred() -> Lang {
    saved().or_else(browser).unwrap_or_default()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn saved() -> Option<Lang> {
    storage()?.get_item(STORAGE_KEY).ok()??.parse().ok()
}

pub fn save(lang: Lang) {
    if let Some(storage) = storage() {
        // Private browsing may refuse storage; the language still works for this visit.
        let _ = storage.set_item(STORAGE_KEY, lang.code());
    }
}

fn browser() -> Option<Lang> {
    let languages = web_sys::window()?.navigator().languages();
    languages.iter().filter_map(|tag| tag.as_string()).find_map(|tag| Lang::from_tag(&tag))
}

/// The same page in another language: the first path segment swapped for `lang`.
pub fn switch_path(path: &str, lang: Lang) -> String {
    let rest = path.trim_start_matches('/');
    let rest = match rest.split_once('/') {
        Some((first, tail)) if first.parse::<Lang>().is_ok() => tail,
        None if rest.parse::<Lang>().is_ok() => "",
        _ => rest,
    };
    if rest.is_empty() { format!("/{lang}") } else { format!("/{lang}/{rest}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switching_language_keeps_the_rest_of_the_path() {
        assert_eq!(switch_path("/kk/bodies/enbek", Lang::Ru), "/ru/bodies/enbek");
        assert_eq!(switch_path("/ru", Lang::En), "/en");
        assert_eq!(switch_path("/en/", Lang::Kk), "/kk");
        assert_eq!(switch_path("/xx/page", Lang::Kk), "/kk/xx/page");
        assert_eq!(switch_path("/", Lang::Ru), "/ru");
    }
}
