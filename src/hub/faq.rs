//! A body's frequently asked questions, grouped by category, with a search that filters them as
//! the citizen types.

use crate::a11y::use_announcer;
use crate::components::load_error::LoadError;
use crate::components::page_heading::PageHeading;
use crate::hub::{BodyGate, HubCrumbs, ask_href, calls, use_body};
use crate::i18n::*;
use crate::lang::use_lang;
use api::content::FaqEntry;
use api::{Body, Lang};
use leptos::prelude::*;
use std::time::Duration;

#[component]
pub fn FaqPage() -> impl IntoView {
    let (_, body) = use_body();
    view! {
        <BodyGate body let:body>
            <Faq body />
        </BodyGate>
    }
}

#[component]
fn Faq(body: Body) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let slug = body.slug.to_string();
    let title = Signal::derive(move || t_string!(i18n, faq.title).to_owned());
    let entries = {
        let slug = slug.clone();
        LocalResource::new(move || {
            let slug = slug.clone();
            async move { calls::faq(&slug).await }
        })
    };
    let query = RwSignal::new(String::new());
    let loading = move || view! { <p role="status">{t!(i18n, loading)}</p> };
    let ask = move || ask_href(lang.get(), &slug, None);
    let ask_end = ask.clone();
    view! {
        <HubCrumbs body current=title />
        <PageHeading text=title />
        <p class="lead">{t!(i18n, faq.intro)}</p>
        <Transition fallback=loading>
            {move || {
                let ask = ask.clone();
                Suspend::new(async move {
                    match entries.await {
                        Ok(list) if list.is_empty() => view! { <p class="notice">{t!(i18n, faq.empty)}</p> }.into_any(),
                        Ok(list) => view! { <Entries list query ask /> }.into_any(),
                        Err(error) => view! { <LoadError error on_retry=move || entries.refetch() /> }.into_any(),
                    }
                })
            }}
        </Transition>
        <section class="call-to-action" aria-labelledby="faq-ask-heading">
            <h2 id="faq-ask-heading">{t!(i18n, faq.not_answered)}</h2>
            <p>{t!(i18n, faq.ask_hint)}</p>
            <p>
                <a class="button" href=ask_end rel="external">
                    {t!(i18n, ask.title)}
                </a>
            </p>
        </section>
    }
}

/// Text as the search compares it: lower case, ё read as е, markup and extra spaces gone.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if in_tag => {}
            'ё' | 'Ё' => out.push('е'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out.replace("&nbsp;", " ").replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'")
}

/// Whether `entry`, in `lang`, has every word of the folded `query`.
fn matches(entry: &FaqEntry, lang: Lang, words: &[String]) -> bool {
    let text = fold(&format!("{} {}", entry.question.get(lang), entry.answer_html.get(lang)));
    words.iter().all(|w| text.contains(w.as_str()))
}

/// Entries with the same category in a row, in the API's order.
fn groups(list: Vec<FaqEntry>) -> Vec<Vec<FaqEntry>> {
    let mut out: Vec<Vec<FaqEntry>> = Vec::new();
    for entry in list {
        let id = entry.category.as_ref().map(|c| c.id);
        match out.last_mut() {
            Some(group) if group[0].category.as_ref().map(|c| c.id) == id => group.push(entry),
            _ => out.push(vec![entry]),
        }
    }
    out
}

#[component]
fn Entries(
    list: Vec<FaqEntry>,
    query: RwSignal<String>,
    ask: impl Fn() -> String + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let announcer = use_announcer();
    let words = Memo::new(move |_| fold(&query.get()).split_whitespace().map(str::to_owned).collect::<Vec<_>>());
    let all = StoredValue::new(list);
    let shown = Memo::new(move |_| {
        let (lang, words) = (lang.get(), words.get());
        all.with_value(|list| list.iter().filter(|e| matches(e, lang, &words)).map(|e| e.id).collect::<Vec<_>>())
    });
    // The count is announced once typing pauses, not at every key.
    let typed = StoredValue::new(0u32);
    let on_input = move |ev: leptos::ev::Event| {
        query.set(event_target_value(&ev));
        let this = typed.get_value().wrapping_add(1);
        typed.set_value(this);
        set_timeout(
            move || {
                if typed.try_get_value() == Some(this) {
                    announcer.say(format!("{}: {}", t_string!(i18n, faq.found), shown.get_untracked().len()));
                }
            },
            Duration::from_millis(600),
        );
    };
    let searching = move || !words.read().is_empty();
    view! {
        <form class="search-form" role="search" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="faq-q">{t!(i18n, faq.search_label)}</label>
                <p class="hint" id="faq-q-hint">
                    {t!(i18n, faq.search_hint)}
                </p>
                <input
                    type="search"
                    id="faq-q"
                    autocomplete="off"
                    aria-describedby="faq-q-hint"
                    aria-controls="faq-entries"
                    prop:value=move || query.get()
                    on:input=on_input
                />
            </div>
        </form>
        <Show when=searching>
            <p class="faq-count">{t!(i18n, faq.found)} ": " {move || shown.read().len()}</p>
        </Show>
        <Show when=move || searching() && shown.read().is_empty()>
            <div class="notice">
                <p>{t!(i18n, faq.nothing)}</p>
                <p>
                    <a href=ask.clone() rel="external">
                        {t!(i18n, ask.title)}
                    </a>
                </p>
            </div>
        </Show>
        <div id="faq-entries">
            {all
                .with_value(|list| groups(list.clone()))
                .into_iter()
                .map(|group| {
                    let ids: Vec<_> = group.iter().map(|e| e.id).collect();
                    let any_shown = move || ids.iter().any(|id| shown.read().contains(id));
                    let category = group[0].category.clone();
                    let heading = move || match &category {
                        Some(c) => c.name.get(lang.get()).to_owned(),
                        None => t_string!(i18n, faq.general).to_owned(),
                    };
                    view! {
                        <section class="faq-group" hidden=move || !any_shown()>
                            <h2>{heading}</h2>
                            {group
                                .into_iter()
                                .map(|entry| {
                                    let id = entry.id;
                                    let question = entry.question.clone();
                                    let answer = entry.answer_html.clone();
                                    view! {
                                        <details class="faq-entry" hidden=move || !shown.read().contains(&id)>
                                            <summary>{move || question.get(lang.get()).to_owned()}</summary>
                                            // Sanitised on the server to a small safe subset of HTML.
                                            <div
                                                class="answer"
                                                inner_html=move || answer.get(lang.get()).to_owned()
                                            ></div>
                                        </details>
                                    }
                                })
                                .collect_view()}
                        </section>
                    }
                })
                .collect_view()}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_ignores_case_yo_and_markup() {
        assert_eq!(fold("<p>Пособие на ЁЛКУ</p>"), " пособие на елку ");
        assert!(fold("Ёлка").contains(&fold("ел")));
    }
}
