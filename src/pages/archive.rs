//! A body's public questions and answers: search, filter by category, newest first, and
//! "Show more" that adds the next page below (focus stays; the count is announced).

use crate::a11y::use_announcer;
use crate::client::{self, FetchError};
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::load_error::LoadError;
use crate::components::page_heading::PageHeading;
use crate::components::status_name::local_date;
use crate::i18n::*;
use crate::lang::use_lang;
use api::archive::PublishedSummary;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

#[component]
pub fn ArchivePage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let params = use_params_map();
    let query = use_query_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    let q = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let category = Memo::new(move |_| query.read().get("category").and_then(|c| c.parse::<i64>().ok()));
    let body = LocalResource::new(move || {
        let slug = slug.get();
        async move { client::body(&slug).await }
    });
    let first_page = LocalResource::new(move || {
        let (slug, q, category) = (slug.get(), q.get(), category.get());
        async move { client::archive(&slug, category, &q, None).await }
    });
    // The items shown: the first page, then each page "Show more" adds.
    let items = RwSignal::new(Vec::<PublishedSummary>::new());
    let next = RwSignal::new(None::<String>);

    let body_name = Signal::derive(move || {
        body.get().and_then(Result::ok).map(|b| b.name.get(lang.get()).to_owned()).unwrap_or_default()
    });
    let title = Signal::derive(move || t_string!(i18n, archive.title).to_owned());
    let loading = move || view! { <p role="status">{t!(i18n, loading)}</p> };

    view! {
        <Breadcrumbs current=title />
        <PageHeading text=title />
        <p class="lead">{body_name}</p>
        <p>{t!(i18n, archive.intro)}</p>
        <p class="call-to-action">
            <a class="button" href=move || format!("/{}/questions/ask?body={}", lang.get(), slug.get())>
                {t!(i18n, ask.title)}
            </a>
        </p>
        <SearchForm slug q category body />
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match first_page.await {
                    Ok(page) => {
                        items.set(page.items);
                        next.set(page.next);
                        view! { <Results items next slug q category /> }.into_any()
                    }
                    Err(error) => view! { <LoadError error on_retry=move || first_page.refetch() /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn SearchForm(
    slug: Memo<String>,
    q: Memo<String>,
    category: Memo<Option<i64>>,
    body: LocalResource<Result<api::Body, FetchError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let navigate = use_navigate();
    let text = RwSignal::new(q.get_untracked());
    let chosen = RwSignal::new(category.get_untracked());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut url = format!(
            "/{}/bodies/{}/questions?q={}",
            lang.get_untracked(),
            slug.get_untracked(),
            encode(&text.get_untracked())
        );
        if let Some(c) = chosen.get_untracked() {
            url.push_str(&format!("&category={c}"));
        }
        navigate(&url, Default::default());
    };
    view! {
        <form class="search-form" role="search" on:submit=submit>
            <div class="field">
                <label for="archive-q">{t!(i18n, archive.search_label)}</label>
                <p class="hint" id="archive-q-hint">
                    {t!(i18n, archive.search_hint)}
                </p>
                <input
                    type="search"
                    id="archive-q"
                    name="q"
                    aria-describedby="archive-q-hint"
                    prop:value=move || text.get()
                    on:input:target=move |ev| text.set(ev.target().value())
                />
            </div>
            <div class="field">
                <label for="archive-category">{t!(i18n, archive.category_label)}</label>
                <select id="archive-category" on:change:target=move |ev| chosen.set(ev.target().value().parse().ok())>
                    <option value="" selected=move || chosen.get().is_none()>
                        {t!(i18n, archive.all_categories)}
                    </option>
                    {move || {
                        body.get()
                            .and_then(Result::ok)
                            .map(|b| b.categories)
                            .unwrap_or_default()
                            .into_iter()
                            .map(|c| {
                                let id = c.id.0;
                                view! {
                                    <option value=id.to_string() selected=move || chosen.get() == Some(id)>
                                        {c.name.get(lang.get()).to_owned()}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            <button type="submit" class="button">
                {t!(i18n, archive.find)}
            </button>
        </form>
    }
}

/// `text` encoded for a URL query value.
fn encode(text: &str) -> String {
    web_sys::UrlSearchParams::new()
        .map(|p| {
            p.append("x", text);
            String::from(p.to_string()).trim_start_matches("x=").to_owned()
        })
        .unwrap_or_default()
}

#[component]
fn Results(
    items: RwSignal<Vec<PublishedSummary>>,
    next: RwSignal<Option<String>>,
    slug: Memo<String>,
    q: Memo<String>,
    category: Memo<Option<i64>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let loading = RwSignal::new(false);
    let load_more = move |_| {
        let Some(after) = next.get_untracked() else { return };
        loading.set(true);
        leptos::task::spawn_local(async move {
            let result =
                client::archive(&slug.get_untracked(), category.get_untracked(), &q.get_untracked(), Some(&after))
                    .await;
            if loading.is_disposed() {
                return;
            }
            loading.set(false);
            if let Ok(page) = result {
                let added = page.items.len();
                items.update(|all| all.extend(page.items));
                next.set(page.next);
                announcer.say(format!("{}: {added}", t_string!(i18n, archive.loaded)));
            }
        });
    };
    view! {
        <h2 id="results-heading">{t!(i18n, archive.results)}</h2>
        <Show when=move || items.read().is_empty()>
            <p class="notice">{t!(i18n, archive.empty)}</p>
        </Show>
        <ol class="archive-list" aria-labelledby="results-heading">
            {move || items.get().into_iter().map(|item| view! { <Item item /> }).collect_view()}
        </ol>
        <Show when=move || next.get().is_some()>
            <button
                type="button"
                class="button button-secondary"
                on:click=load_more
                aria-disabled=move || loading.get().then_some("true")
            >
                {move || if loading.get() { t_string!(i18n, loading) } else { t_string!(i18n, archive.more) }}
            </button>
        </Show>
    }
}

#[component]
fn Item(item: PublishedSummary) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let href = move || format!("/{}/questions/{}", lang.get(), item.id.0);
    let category = item.category.name.clone();
    let author = item.author.clone();
    view! {
        <li class="archive-item">
            <p class="archive-meta">
                <span>{move || category.get(lang.get()).to_owned()}</span>
                " · "
                <span>{local_date(item.published_at)}</span>
                " · "
                <span>{move || author.clone().unwrap_or_else(|| t_string!(i18n, archive.anonymous).to_owned())}</span>
            </p>
            <p class="archive-excerpt" lang=item.lang.code()>
                <a href=href>{item.excerpt.clone()}</a>
            </p>
            <p class="archive-number">{item.number.to_string()}</p>
        </li>
    }
}
