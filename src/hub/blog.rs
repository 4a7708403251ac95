//! The head's blog: who the head is, a way to ask them, the posts in the page's language, the
//! feed, and the questions asked on the blog with their answers.

use crate::client::{self, FetchError};
use crate::components::load_error::LoadError;
use crate::components::page_heading::PageHeading;
use crate::components::status_name::local_date;
use crate::hub::{BodyGate, HubCrumbs, OtherLanguages, Paged, Picture, ShowMore, ask_href, calls, use_body};
use crate::i18n::*;
use crate::lang::use_lang;
use api::archive::PublishedSummary;
use api::content::{HeadProfile, PostSummary};
use api::{Body, ErrorCode, Lang};
use leptos::prelude::*;

#[component]
pub fn BlogPage() -> impl IntoView {
    let (_, body) = use_body();
    view! {
        <BodyGate body let:body>
            <Blog body />
        </BodyGate>
    }
}

#[component]
fn Blog(body: Body) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let slug = body.slug.to_string();
    let name = body.name.clone();
    let title = Signal::derive(move || t_string!(i18n, blog.title).to_owned());
    let ask = {
        let slug = slug.clone();
        move || ask_href(lang.get(), &slug, Some("blog"))
    };
    let feed = {
        let slug = slug.clone();
        move || calls::feed_href(&slug, lang.get())
    };
    view! {
        <HubCrumbs body current=title />
        <PageHeading text=title />
        <p class="lead">{move || name.get(lang.get()).to_owned()}</p>
        <HeadCard slug=slug.clone() />
        <div class="call-to-action">
            <p>
                <a class="button" href=ask rel="external">
                    {t!(i18n, blog.ask)}
                </a>
            </p>
            <p class="hint">{t!(i18n, blog.ask_hint)}</p>
        </div>
        <Posts slug=slug.clone() />
        <p class="feed-link">
            <a href=feed type="application/atom+xml" rel="external" aria-describedby="feed-hint">
                {t!(i18n, blog.feed)}
            </a>
        </p>
        <p class="hint" id="feed-hint">
            {t!(i18n, blog.feed_hint)}
        </p>
        <Questions slug />
    }
}

/// The head's photo, name, position and biography. A body with no head profile yet shows none.
#[component]
fn HeadCard(slug: String) -> impl IntoView {
    let head = LocalResource::new(move || {
        let slug = slug.clone();
        async move { client::head(&slug).await }
    });
    view! {
        <Transition>
            {move || Suspend::new(async move {
                match head.await {
                    Ok(profile) => view! { <Profile profile /> }.into_any(),
                    Err(FetchError::Server(ErrorCode::NotFound)) => ().into_any(),
                    Err(error) => view! { <LoadError error on_retry=move || head.refetch() /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Profile(profile: HeadProfile) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let HeadProfile { name, position, biography, photo, .. } = profile;
    let paragraphs = move || {
        biography
            .get(lang.get())
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| view! { <p>{p.to_owned()}</p> })
            .collect_view()
    };
    view! {
        <section class="head-profile" aria-labelledby="head-heading">
            <h2 id="head-heading">{t!(i18n, blog.about_head)}</h2>
            {photo.map(|image| view! { <Picture image class="head-photo" /> })}
            <p class="head-name">{move || name.get(lang.get()).to_owned()}</p>
            <p class="head-position">{move || position.get(lang.get()).to_owned()}</p>
            <div class="head-biography">{paragraphs}</div>
        </section>
    }
}

/// The posts in the page's language, newest first, with "Show more".
#[component]
fn Posts(slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let paged = Paged::<PostSummary>::new();
    let elsewhere = RwSignal::new(0i64);
    let first = {
        let slug = slug.clone();
        LocalResource::new(move || {
            let (slug, lang) = (slug.clone(), lang.get());
            async move { client::posts(&slug, lang, None, None).await }
        })
    };
    let more = {
        let slug = slug.clone();
        move || {
            let (slug, lang) = (slug.clone(), lang.get_untracked());
            paged.more(
                move |after| async move {
                    client::posts(&slug, lang, Some(&after), None).await.map(|page| (page.items, page.next))
                },
                |post| format!("post-{}", post.id.0),
                t_string!(i18n, blog.posts_added),
            );
        }
    };
    let loading = move || view! { <p role="status">{t!(i18n, loading)}</p> };
    let path = format!("/bodies/{slug}/blog");
    view! {
        <section aria-labelledby="posts-heading">
            <h2 id="posts-heading">{t!(i18n, blog.posts)}</h2>
            <Transition fallback=loading>
                {move || {
                    let more = more.clone();
                    let path = path.clone();
                    let slug = slug.clone();
                    Suspend::new(async move {
                        match first.await {
                            Ok(page) => {
                                elsewhere.set(page.in_other_languages);
                                paged.reset(page.items, page.next);
                                view! {
                                    <Show when=move || paged.items.read().is_empty()>
                                        <p class="notice">{t!(i18n, blog.no_posts)}</p>
                                    </Show>
                                    <ol class="post-list" aria-labelledby="posts-heading">
                                        <For
                                            each=move || paged.items.get()
                                            key=|post| post.id
                                            children=move |post| view! { <PostItem post slug=slug.clone() /> }
                                        />
                                    </ol>
                                    <ShowMore paged on_more=more />
                                    <Show when=move || { elsewhere.get() > 0 }>
                                        <div class="notice">
                                            <p>
                                                {t!(i18n, blog.other_count)} ": " {move || elsewhere.get()} ". "
                                                {t!(i18n, blog.other_read)}
                                            </p>
                                            <OtherLanguages langs=Lang::ALL.to_vec() path=path.clone() />
                                        </div>
                                    </Show>
                                }
                                    .into_any()
                            }
                            Err(error) => view! { <LoadError error on_retry=move || first.refetch() /> }.into_any(),
                        }
                    })
                }}
            </Transition>
        </section>
    }
}

#[component]
fn PostItem(post: PostSummary, slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let id = post.id.0;
    let href = move || format!("/{}/bodies/{slug}/blog/{id}", lang.get());
    view! {
        <li class="post-item">
            <h3>
                <a id=format!("post-{id}") href=href>
                    {post.title.clone()}
                </a>
            </h3>
            <p class="post-meta">{t!(i18n, archive.published)} ": " {local_date(post.published_at)}</p>
            {post.cover.map(|image| view! { <Picture image class="post-cover" /> })}
            <p>{post.excerpt.clone()}</p>
        </li>
    }
}

/// The questions asked on the blog and published with their answers.
#[component]
fn Questions(slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let paged = Paged::<PublishedSummary>::new();
    let first = {
        let slug = slug.clone();
        LocalResource::new(move || {
            let slug = slug.clone();
            async move { calls::blog_questions(&slug, None).await }
        })
    };
    let more = move || {
        let slug = slug.clone();
        paged.more(
            move |after| async move {
                calls::blog_questions(&slug, Some(&after)).await.map(|page| (page.items, page.next))
            },
            |q| format!("question-{}", q.id.0),
            t_string!(i18n, archive.loaded),
        );
    };
    let loading = move || view! { <p role="status">{t!(i18n, loading)}</p> };
    view! {
        <section aria-labelledby="questions-heading">
            <h2 id="questions-heading">{t!(i18n, archive.title)}</h2>
            <p>{t!(i18n, blog.questions_intro)}</p>
            <Transition fallback=loading>
                {move || {
                    let more = more.clone();
                    Suspend::new(async move {
                        match first.await {
                            Ok(page) => {
                                paged.reset(page.items, page.next);
                                view! {
                                    <Show when=move || paged.items.read().is_empty()>
                                        <p class="notice">{t!(i18n, blog.no_questions)}</p>
                                    </Show>
                                    <ol class="archive-list" aria-labelledby="questions-heading">
                                        <For
                                            each=move || paged.items.get()
                                            key=|q| q.id
                                            children=move |q| view! { <QuestionItem q /> }
                                        />
                                    </ol>
                                    <ShowMore paged on_more=more />
                                }
                                    .into_any()
                            }
                            Err(error) => view! { <LoadError error on_retry=move || first.refetch() /> }.into_any(),
                        }
                    })
                }}
            </Transition>
        </section>
    }
}

#[component]
fn QuestionItem(q: PublishedSummary) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let id = q.id.0;
    view! {
        <li class="archive-item">
            <p class="archive-meta">{t!(i18n, archive.published)} ": " {local_date(q.published_at)}</p>
            <p class="archive-excerpt" lang=q.lang.code()>
                <a id=format!("question-{id}") href=move || format!("/{}/questions/{id}", lang.get()) rel="external">
                    {q.excerpt.clone()}
                </a>
            </p>
            <p class="archive-votes">
                {t!(i18n, archive.satisfied)} ": " {q.votes.satisfied} " · " {t!(i18n, archive.unsatisfied)} ": "
                {q.votes.unsatisfied}
            </p>
        </li>
    }
}
