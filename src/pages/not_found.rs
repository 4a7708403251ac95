use crate::components::page_heading::PageHeading;
use crate::i18n::*;
use crate::lang::use_lang;
use leptos::prelude::*;

/// Shown for any address the app does not know. The server sends it with status 404 where it
/// can tell (an unknown language prefix).
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <NotFound
            title=Signal::derive(move || t_string!(i18n, not_found_title).to_owned())
            text=Signal::derive(move || t_string!(i18n, not_found_text).to_owned())
        />
    }
}

/// A not-found message with a way home, for any kind of missing thing.
#[component]
pub fn NotFound(title: Signal<String>, text: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    view! {
        <PageHeading text=title />
        <p class="lead">{text}</p>
        <p>
            <a href=move || format!("/{}", lang.get())>{t!(i18n, to_home)}</a>
        </p>
    }
}
