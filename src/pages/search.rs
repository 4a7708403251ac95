//! Search of the answers every body has published. The words and the body chosen live in the
//! address (`?q=&body=`), so a search can be bookmarked, shared and gone back to; "Show more"
//! adds the next page below and takes focus to its first answer.

use crate::a11y::use_announcer;
use crate::client::{self, FetchError};
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::load_error::LoadError;
use crate::components::page_heading::PageHeading;
use crate::components::status_name::local_date;
use crate::hub::{Paged, ShowMore};
use crate::i18n::*;
use crate::lang::use_lang;
use api::archive::{ArchivePage, PublishedSummary};
use api::{BodySummary, ErrorCode};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let query = use_query_map();
    let q = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let body = Memo::new(move |_| query.read().get("body").filter(|b| !b.is_empty()));
    let bodies = LocalResource::new(client::bodies);
    let first_page = LocalResource::new(move || {
        let (q, body) = (q.get(), body.get());
        async move {
            match client::search(&q, body.as_deref(), None).await {
                // A body that is not there (an old or mistyped address) has no answers.
                Err(FetchError::Server(ErrorCode::BodyNotFound)) => Ok(ArchivePage { items: Vec::new(), next: None }),
                result => result,
            }
        }
    });
    let paged = Paged::<PublishedSummary>::new();
    let title = Signal::derive(move || t_string!(i18n, search.title).to_owned());
    let loading = move || view! { <p role="status">{t!(i18n, loading)}</p> };
    view! {
        <Breadcrumbs current=title />
        <PageHeading text=title />
        <p class="lead">{t!(i18n, search.intro)}</p>
        <SearchForm q body bodies />
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match first_page.await {
                    Ok(page) => {
                        let more = page.next.is_some();
                        paged.reset(page.items, page.next);
                        announcer.say(found_text(i18n, paged.items.read_untracked().len(), more));
                        view! { <Results paged q body /> }.into_any()
                    }
                    Err(error) => view! { <LoadError error on_retry=move || first_page.refetch() /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// "Answers found: 20", and that there are more, or "Nothing found".
fn found_text(i18n: leptos_i18n::I18nContext<Locale>, count: usize, more: bool) -> String {
    match (count, more) {
        (0, _) => t_string!(i18n, search.nothing).to_owned(),
        (n, false) => format!("{}: {n}", t_string!(i18n, search.found)),
        (n, true) => format!("{}: {n}. {}", t_string!(i18n, search.found), t_string!(i18n, search.found_more)),
    }
}

#[component]
fn SearchForm(
    q: Memo<String>,
    body: Memo<Option<String>>,
    bodies: LocalResource<Result<Vec<BodySummary>, FetchError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let navigate = use_navigate();
    let text = RwSignal::new(q.get_untracked());
    let chosen = RwSignal::new(body.get_untracked());
    // Back and forward change the address: the form shows what the results are for.
    Effect::new(move |_| {
        text.set(q.get());
        chosen.set(body.get());
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let params = [("q", Some(text.get_untracked().trim().to_owned())), ("body", chosen.get_untracked())];
        navigate(&client::with_query(&format!("/{}/search", lang.get_untracked()), &params), Default::default());
    };
    view! {
        <form class="search-form" role="search" on:submit=submit>
            <div class="field">
                <label for="search-q">{t!(i18n, search.label)}</label>
                <p class="hint" id="search-q-hint">
                    {t!(i18n, search.hint)}
                </p>
                <input
                    type="search"
                    id="search-q"
                    name="q"
                    aria-describedby="search-q-hint"
                    prop:value=move || text.get()
                    on:input:target=move |ev| text.set(ev.target().value())
                />
            </div>
            <div class="field">
                <label for="search-body">{t!(i18n, ask.body)}</label>
                <select
                    id="search-body"
                    name="body"
                    on:change:target=move |ev| {
                        let value = ev.target().value();
                        chosen.set((!value.is_empty()).then_some(value));
                    }
                >
                    <option value="" selected=move || chosen.read().is_none()>
                        {t!(i18n, search.all_bodies)}
                    </option>
                    {move || {
                        bodies
                            .get()
                            .and_then(Result::ok)
                            .unwrap_or_default()
                            .into_iter()
                            .map(|b| {
                                let slug = b.slug.to_string();
                                let selected = {
                                    let slug = slug.clone();
                                    move || chosen.read().as_deref() == Some(slug.as_str())
                                };
                                view! {
                                    <option value=slug selected=selected>
                                        {b.name.get(lang.get()).to_owned()}
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

#[component]
fn Results(paged: Paged<PublishedSummary>, q: Memo<String>, body: Memo<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let more = move || {
        let (q, body) = (q.get_untracked(), body.get_untracked());
        paged.more(
            move |after| async move {
                client::search(&q, body.as_deref(), Some(&after)).await.map(|page| (page.items, page.next))
            },
            result_id,
            t_string!(i18n, search.added),
        );
    };
    view! {
        <h2 id="results-heading">{t!(i18n, archive.results)}</h2>
        <p>{move || found_text(i18n, paged.items.read().len(), paged.next.read().is_some())}</p>
        <ol class="archive-list" aria-labelledby="results-heading">
            {move || paged.items.get().into_iter().map(|item| view! { <Item item /> }).collect_view()}
        </ol>
        <ShowMore paged on_more=more />
    }
}

/// The id of a result's link, where focus goes when it is the first of a new page.
fn result_id(item: &PublishedSummary) -> String {
    format!("result-{}", item.id.0)
}

#[component]
fn Item(item: PublishedSummary) -> impl IntoView {
    let lang = use_lang();
    let href = move || format!("/{}/questions/{}", lang.get(), item.id.0);
    let (body, category) = (item.body.name.clone(), item.category.name.clone());
    view! {
        <li class="archive-item">
            <p class="archive-excerpt" lang=item.lang.code()>
                <a id=result_id(&item) href=href>
                    {item.excerpt.clone()}
                </a>
            </p>
            <p class="archive-meta">
                <span>{move || body.get(lang.get()).to_owned()}</span>
                " · "
                <span>{move || category.get(lang.get()).to_owned()}</span>
                " · "
                <span>{local_date(item.published_at)}</span>
            </p>
        </li>
    }
}
