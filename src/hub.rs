//! A body's sections besides questions and appeals: the head's blog, FAQ, reception schedule
//! and open dialogue (the sections bundle). Every page loads the body first: its name goes in
//! the header and the breadcrumbs, and an unknown slug is a not-found page.

pub mod blog;
pub mod calls;
pub mod dialogue;
pub mod faq;
pub mod post;
pub mod schedule;

use crate::a11y::{Announcer, use_announcer};
use crate::client::{self, FetchError};
use crate::components::layout::CurrentBody;
use crate::components::load_error::LoadError;
use crate::i18n::*;
use crate::lang::use_lang;
use crate::pages::not_found::NotFound;
use api::content::Image;
use api::{Body, ErrorCode, Lang};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::future::Future;

/// The `slug` of the route, and the body it names, loading.
pub fn use_body() -> (Memo<String>, LocalResource<Result<Body, FetchError>>) {
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    let body = LocalResource::new(move || {
        let slug = slug.get();
        async move { client::body(&slug).await }
    });
    (slug, body)
}

/// Shows `children` once the body has loaded, and the body in the layout's header; an unknown
/// body is not found, a failed load can be retried.
#[component]
pub fn BodyGate<F, V>(body: LocalResource<Result<Body, FetchError>>, children: F) -> impl IntoView
where
    F: Fn(Body) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    let current = use_context::<CurrentBody>().unwrap_or_default().0;
    on_cleanup(move || current.set(None));
    let loading = move || view! { <p role="status">{t!(i18n, loading)}</p> };
    view! {
        <Transition fallback=loading>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                    match body.await {
                        Ok(found) => {
                            current.set(Some((found.slug.to_string(), found.name.clone())));
                            children(found).into_any()
                        }
                        Err(FetchError::Server(ErrorCode::BodyNotFound)) => {
                            current.set(None);
                            view! {
                                <NotFound
                                    title=Signal::derive(move || t_string!(i18n, body_not_found_title).to_owned())
                                    text=Signal::derive(move || t_string!(i18n, body_not_found_text).to_owned())
                                />
                            }
                                .into_any()
                        }
                        Err(error) => view! { <LoadError error on_retry=move || body.refetch() /> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}

/// "Home › the body › (the section ›) this page". The home and the body's page belong to the
/// main bundle, so they load in full.
#[component]
pub fn HubCrumbs(
    body: Body,
    #[prop(into)] current: Signal<String>,
    /// The section between the body and this page, as (href, name).
    #[prop(optional)]
    section: Option<(Signal<String>, Signal<String>)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let slug = body.slug.to_string();
    view! {
        <nav class="breadcrumbs" aria-label=move || t_string!(i18n, breadcrumb)>
            <ol>
                <li>
                    <a href=move || format!("/{}", lang.get()) rel="external">
                        {t!(i18n, home)}
                    </a>
                </li>
                <li>
                    <a href=move || format!("/{}/bodies/{slug}", lang.get()) rel="external">
                        {move || body.name.get(lang.get()).to_owned()}
                    </a>
                </li>
                {section
                    .map(|(href, name)| {
                        view! {
                            <li>
                                <a href=href>{name}</a>
                            </li>
                        }
                    })}
                <li aria-current="page">{current}</li>
            </ol>
        </nav>
    }
}

/// The ask page for this body, on `channel` (`blog`, `reception`) when given.
pub fn ask_href(lang: Lang, slug: &str, channel: Option<&str>) -> String {
    match channel {
        Some(channel) => format!("/{lang}/questions/ask?body={slug}&channel={channel}"),
        None => format!("/{lang}/questions/ask?body={slug}"),
    }
}

/// An image with its text alternative in the page's language; with images turned off in the
/// special version, the text shows in its place.
#[component]
pub fn Picture(image: Image, #[prop(optional)] class: &'static str) -> impl IntoView {
    let lang = use_lang();
    let alt = image.alt.clone();
    let text = move || alt.get(lang.get()).to_owned();
    view! {
        <figure class=format!("picture {class}")>
            <img src=image.url.clone() alt=text.clone() loading="lazy" />
            <span class="img-alt">{text}</span>
        </figure>
    }
}

/// A list that grows by pages: the items shown and the cursor of the next page.
pub struct Paged<T: Send + Sync + 'static> {
    pub items: RwSignal<Vec<T>>,
    pub next: RwSignal<Option<String>>,
    pub loading: RwSignal<bool>,
    pub failed: RwSignal<Option<FetchError>>,
    announcer: Announcer,
}

impl<T: Send + Sync + 'static> Clone for Paged<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Paged<T> {}

impl<T: Send + Sync + 'static> Default for Paged<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Send + Sync + 'static> Paged<T> {
    /// An empty list; call it in a component, where the announcer is known.
    pub fn new() -> Self {
        Paged {
            items: RwSignal::new(Vec::new()),
            next: RwSignal::new(None),
            loading: RwSignal::new(false),
            failed: RwSignal::new(None),
            announcer: use_announcer(),
        }
    }

    /// Starts again with a first page.
    pub fn reset(self, items: Vec<T>, next: Option<String>) {
        self.items.set(items);
        self.next.set(next);
        self.failed.set(None);
    }

    /// Adds the next page from `fetch(cursor)`, announces how many came, and moves focus to
    /// the element `focus_id` names for the first new item.
    pub fn more<Fut>(
        self,
        fetch: impl FnOnce(String) -> Fut + 'static,
        focus_id: impl Fn(&T) -> String + 'static,
        added_text: &'static str,
    ) where
        Fut: Future<Output = Result<(Vec<T>, Option<String>), FetchError>> + 'static,
    {
        let Some(after) = self.next.get_untracked() else { return };
        if self.loading.get_untracked() {
            return;
        }
        let announcer = self.announcer;
        self.loading.set(true);
        self.failed.set(None);
        leptos::task::spawn_local(async move {
            let result = fetch(after).await;
            if self.loading.is_disposed() {
                return;
            }
            self.loading.set(false);
            match result {
                Ok((page, next)) => {
                    let first = page.first().map(&focus_id);
                    let added = page.len();
                    self.items.update(|all| all.extend(page));
                    self.next.set(next);
                    announcer.say(format!("{added_text}: {added}"));
                    if let Some(id) = first {
                        request_animation_frame(move || crate::a11y::focus_by_id(&id));
                    }
                }
                Err(error) => self.failed.set(Some(error)),
            }
        });
    }
}

/// The "Show more" button of a paged list, and the error of a page that did not come.
#[component]
pub fn ShowMore<T: Send + Sync + 'static>(paged: Paged<T>, #[prop(into)] on_more: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {move || { paged.failed.get().map(|error| view! { <LoadError error on_retry=move || on_more.run(()) /> }) }}
        <Show when=move || paged.next.read().is_some() && paged.failed.read().is_none()>
            <button
                type="button"
                class="button button-secondary"
                on:click=move |_| on_more.run(())
                aria-disabled=move || paged.loading.get().then_some("true")
            >
                {move || if paged.loading.get() { t_string!(i18n, loading) } else { t_string!(i18n, archive.more) }}
            </button>
        </Show>
    }
}

/// Links to this page in the other languages, each named in its own language.
#[component]
pub fn OtherLanguages(
    /// The languages to offer; the page's own is left out.
    langs: Vec<Lang>,
    /// The path after the language prefix, starting with `/`.
    path: String,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <ul class="inline-list">
            {move || {
                let current = lang.get();
                langs
                    .iter()
                    .copied()
                    .filter(|l| *l != current)
                    .map(|l| {
                        view! {
                            <li>
                                <a href=format!("/{l}{path}") hreflang=l.code() lang=l.code()>
                                    {l.endonym()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}

/// Unix seconds now.
pub fn now() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}
