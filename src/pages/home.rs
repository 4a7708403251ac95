use crate::components::body_list::BodyList;
use crate::components::page_heading::PageHeading;
use crate::i18n::*;
use crate::lang::use_lang;
use leptos::prelude::*;

/// The site's home: a search of every published answer, then every body this deployment
/// serves, grouped by kind, with a box to narrow them by name.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHeading text=Signal::derive(move || t_string!(i18n, home_title).to_owned()) />
        <p class="lead">{t!(i18n, home_intro)}</p>
        <AnswerSearch />
        <BodyList />
    }
}

/// "Search published answers": a plain GET form, so the browser loads the search page, which
/// is the archive bundle's.
#[component]
fn AnswerSearch() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    view! {
        <form class="search-form" role="search" method="get" action=move || format!("/{}/search", lang.get())>
            <div class="field">
                <label for="answer-search">{t!(i18n, search.label)}</label>
                <p class="hint" id="answer-search-hint">
                    {t!(i18n, search.hint)}
                </p>
                <input type="search" id="answer-search" name="q" aria-describedby="answer-search-hint" />
            </div>
            <button type="submit" class="button">
                {t!(i18n, archive.find)}
            </button>
        </form>
    }
}
