use crate::i18n::*;
use crate::lang::use_lang;
use leptos::prelude::*;

/// "Home › current page": where the citizen is and the way back.
#[component]
pub fn Breadcrumbs(#[prop(into)] current: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    view! {
        <nav class="breadcrumbs" aria-label=move || t_string!(i18n, breadcrumb)>
            <ol>
                <li>
                    <a href=move || format!("/{}", lang.get())>{t!(i18n, home)}</a>
                </li>
                <li aria-current="page">{current}</li>
            </ol>
        </nav>
    }
}
