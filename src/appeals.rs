//! Electronic appeals, the citizen's side: filing step by step, following an appeal with its
//! number and code, and "my appeals" opened by a one-time link. Appeals are never published.

pub mod calls;
pub mod check;
pub mod draft;
pub mod fields;
pub mod files;
pub mod my;
pub mod names;
pub mod receipt;
pub mod steps;
pub mod track;
pub mod wizard;

use crate::i18n::*;
use crate::lang::use_lang;
use leptos::prelude::*;

/// "Home › Electronic appeals › this page": where the citizen is and the way back.
#[component]
pub fn AppealsCrumbs(#[prop(into)] current: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    view! {
        <nav class="breadcrumbs" aria-label=move || t_string!(i18n, breadcrumb)>
            <ol>
                <li>
                    <a href=move || format!("/{}", lang.get()) rel="external">
                        {t!(i18n, home)}
                    </a>
                </li>
                <li>
                    <a href=move || format!("/{}/appeals", lang.get()) rel="external">
                        {t!(i18n, section.appeals.name)}
                    </a>
                </li>
                <li aria-current="page">{current}</li>
            </ol>
        </nav>
    }
}

pub use crate::components::status_name::local_date_time;

/// A file size people read: 512 KB, 1.4 MB.
pub fn file_size(bytes: f64) -> String {
    if bytes < 1024.0 * 1024.0 {
        format!("{} KB", (bytes / 1024.0).ceil())
    } else {
        format!("{:.1} MB", bytes / 1024.0 / 1024.0)
    }
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The session of "my appeals", kept for this tab only.
pub fn cabinet_session() -> Option<String> {
    session_storage()?.get_item("cabinet").ok()?.filter(|s| !s.is_empty())
}

pub fn set_cabinet_session(session: Option<&str>) {
    if let Some(storage) = session_storage() {
        let _ = match session {
            Some(s) => storage.set_item("cabinet", s),
            None => storage.remove_item("cabinet"),
        };
    }
}

/// Pages that read the address's fragment once (a code, a token) start again when only the
/// fragment changes, e.g. a second emailed link pasted into the same tab.
pub fn reload_on_hash_change() {
    let handle = window_event_listener(leptos::ev::hashchange, |_| {
        let _ = window().location().reload();
    });
    on_cleanup(move || handle.remove());
}
