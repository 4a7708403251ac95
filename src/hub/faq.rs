//! A body's frequently asked questions, grouped by category, with a search that filters them as
//! the citizen types.

use crate::a11y::use_announcer;
use crate::components::page_heading::PageHeading;
use crate::hub::{BodyGate, HubCrumbs, ask_href, calls, loaded, use_body};
use crate::i18n::*;
use crate::lang::use_lang;
use api::content::FaqEntry;
use api::{Body, Lang};
use leptos::prelude::*;
use std::time::Duration;

#[component]
pub fn FaqPage() -> impl IntoView {
    let (_, body) = use_body();
    // Above the page, which is built again in another language: the search stays.
    let query = RwSignal::new(String::new());
    view! {
        <BodyGate body let:body>
            <Faq body query />
        </BodyGate>
    }
}

#[component]
fn Faq(body: Body, query: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang().get_untracked();
    let ask = ask_href(lang, &body.slug.to_string(), None);
    let slug = body.slug.to_string();
    let title = t_string!(i18n, faq.title).to_owned();
    let entries = {
        let slug = slug.clone();
        LocalResource::new(move || {
            let slug = slug.clone();
            async move { calls::faq(&slug).await }
        })
    };
    let ask_end = ask.clone();
    let list = move |list: Vec<FaqEntry>| {
        if list.is_empty() {
            return view! { <p class="notice">{t_string!(i18n, faq.empty)}</p> }.into_any();
        }
        view! { <Entries list query ask=ask.clone() lang /> }.into_any()
    };
    view! {
        <HubCrumbs body current=title.clone() />
        <PageHeading text=title />
        <p class="lead">{t_string!(i18n, faq.intro)}</p>
        {loaded(entries, list, |_| None)}
        <section class="call-to-action" aria-labelledby="faq-ask-heading">
            <h2 id="faq-ask-heading">{t_string!(i18n, faq.not_answered)}</h2>
            <p>{t_string!(i18n, faq.ask_hint)}</p>
            <p>
                <a class="button" href=ask_end rel="external">
                    {t_string!(i18n, ask.title)}
                </a>
            </p>
        </section>
    }
}

/// Text as the search compares it: lower case, ё read as е, markup gone. The browser lowers
/// the case: Rust's Unicode tables would add kilobytes to the bundle.
fn fold(text: &str) -> String {
    plain(&String::from(js_sys::JsString::from(text).to_lower_case()))
}

/// Lower-case `text` with ё read as е and markup (tags, the common entities) taken out.
fn plain(text: &str) -> String {
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
            'ё' => out.push('е'),
            c => out.push(c),
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
fn Entries(list: Vec<FaqEntry>, query: RwSignal<String>, ask: String, lang: Lang) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let words = Memo::new(move |_| fold(&query.get()).split_whitespace().map(str::to_owned).collect::<Vec<_>>());
    let all = StoredValue::new(list);
    let shown = Memo::new(move |_| {
        let words = words.get();
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
                <label for="faq-q">{t_string!(i18n, faq.search_label)}</label>
                <p class="hint" id="faq-q-hint">
                    {t_string!(i18n, faq.search_hint)}
                </p>
                <input
                    type="search"
                    id="faq-q"
                    autocomplete="off"
                    aria-describedby="faq-q-hint"
                    aria-controls="faq-entries"
                    prop:value=query.get_untracked()
                    on:input=on_input
                />
            </div>
        </form>
        {move || {
            searching()
                .then(|| view! { <p class="faq-count">{t_string!(i18n, faq.found)} ": " {shown.read().len()}</p> })
        }}
        {move || {
            let ask = ask.clone();
            (searching() && shown.read().is_empty())
                .then(|| {
                    view! {
                        <div class="notice">
                            <p>{t_string!(i18n, faq.nothing)}</p>
                            <p>
                                <a href=ask rel="external">
                                    {t_string!(i18n, ask.title)}
                                </a>
                            </p>
                        </div>
                    }
                })
        }}
        <div id="faq-entries">
            {all
                .with_value(|list| groups(list.clone()))
                .into_iter()
                .map(|group| {
                    let ids: Vec<_> = group.iter().map(|e| e.id).collect();
                    let any_shown = move || ids.iter().any(|id| shown.read().contains(id));
                    let category = group[0].category.clone();
                    let heading = match &category {
                        Some(c) => c.name.get(lang).to_owned(),
                        None => t_string!(i18n, faq.general).to_owned(),
                    };
                    view! {
                        <section class="faq-group" hidden=move || !any_shown()>
                            <h2>{heading}</h2>
                            {group
                                .into_iter()
                                .map(|entry| {
                                    let id = entry.id;
                                    let question = entry.question.get(lang).to_owned();
                                    let answer = entry.answer_html.get(lang).to_owned();
                                    view! {
                                        <details class="faq-entry" hidden=move || !shown.read().contains(&id)>
                                            <summary>{question}</summary>
                                            // Sanitised on the server to a small safe subset of HTML.
                                            <div class="answer" inner_html=answer></div>
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
    fn the_search_reads_yo_as_ye_and_leaves_markup_out() {
        assert_eq!(plain("<p>пособие на ёлку</p>"), " пособие на елку ");
        assert_eq!(plain("a&nbsp;&amp;&nbsp;b"), "a & b");
    }
}
