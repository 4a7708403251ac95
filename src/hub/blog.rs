//! The head's blog: who the head is, a way to ask them, the posts in the page's language, the
//! feed, and the questions asked on the blog with their answers.

use crate::client::{self, FetchError};
use crate::components::page_heading::PageHeading;
use crate::components::status_name::local_date;
use crate::hub::{BodyGate, HubCrumbs, OtherLanguages, Paged, Picture, ShowMore, ask_href, calls, loaded, use_body};
use crate::i18n::*;
use crate::lang::use_lang;
use api::archive::{ArchivePage, PublishedSummary};
use api::content::{HeadProfile, PostPage, PostSummary};
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
    let lang = use_lang().get_untracked();
    let slug = body.slug.to_string();
    let name = body.name.get(lang).to_owned();
    let title = t_string!(i18n, blog.title).to_owned();
    view! {
        <HubCrumbs body current=title.clone() />
        <PageHeading text=title />
        <p class="lead">{name}</p>
        <HeadCard slug=slug.clone() />
        <div class="call-to-action">
            <p>
                <a class="button" href=ask_href(lang, &slug, Some("blog")) rel="external">
                    {t_string!(i18n, blog.ask)}
                </a>
            </p>
            <p class="hint">{t_string!(i18n, blog.ask_hint)}</p>
        </div>
        <Posts slug=slug.clone() lang />
        <p class="feed-link">
            <a
                href=calls::feed_href(&slug, lang)
                type="application/atom+xml"
                rel="external"
                aria-describedby="feed-hint"
            >
                {t_string!(i18n, blog.feed)}
            </a>
        </p>
        <p class="hint" id="feed-hint">
            {t_string!(i18n, blog.feed_hint)}
        </p>
        <Questions slug lang />
    }
}

/// The head's photo, name, position and biography. A body with no head profile yet shows none.
#[component]
fn HeadCard(slug: String) -> impl IntoView {
    let head = LocalResource::new(move || {
        let slug = slug.clone();
        async move { client::head(&slug).await }
    });
    loaded(
        head,
        |profile| view! { <Profile profile /> }.into_any(),
        |error| (*error == FetchError::Server(ErrorCode::NotFound)).then(|| ().into_any()),
    )
}

#[component]
fn Profile(profile: HeadProfile) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang().get_untracked();
    let HeadProfile { name, position, biography, photo, .. } = profile;
    let paragraphs = biography
        .get(lang)
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| view! { <p>{p.to_owned()}</p> })
        .collect_view();
    view! {
        <section class="head-profile" aria-labelledby="head-heading">
            <h2 id="head-heading">{t_string!(i18n, blog.about_head)}</h2>
            {photo.map(|image| view! { <Picture image class="head-photo" /> })}
            <p class="head-name">{name.get(lang).to_owned()}</p>
            <p class="head-position">{position.get(lang).to_owned()}</p>
            <div class="head-biography">{paragraphs}</div>
        </section>
    }
}

/// The posts in the page's language, newest first, with "Show more".
#[component]
fn Posts(slug: String, lang: Lang) -> impl IntoView {
    let i18n = use_i18n();
    let paged = Paged::<PostSummary>::new();
    let first = {
        let slug = slug.clone();
        LocalResource::new(move || {
            let slug = slug.clone();
            async move { client::posts(&slug, lang, None, None).await }
        })
    };
    let more = {
        let slug = slug.clone();
        move || {
            let slug = slug.clone();
            paged.more(
                move |after| async move {
                    client::posts(&slug, lang, Some(&after), None).await.map(|page| (page.items, page.next))
                },
                |post| format!("post-{}", post.id.0),
                t_string!(i18n, blog.posts_added),
            );
        }
    };
    let path = format!("/bodies/{slug}/blog");
    let list = move |page: PostPage| {
        let elsewhere = page.in_other_languages;
        paged.reset(page.items, page.next);
        let (slug, path, more) = (slug.clone(), path.clone(), more.clone());
        view! {
            {move || {
                paged.items.read().is_empty().then(|| view! { <p class="notice">{t_string!(i18n, blog.no_posts)}</p> })
            }}
            <ol class="post-list" aria-labelledby="posts-heading">
                {move || {
                    paged
                        .items
                        .get()
                        .into_iter()
                        .map(|post| view! { <PostItem post href=format!("/{lang}/bodies/{slug}/blog") /> })
                        .collect_view()
                }}
            </ol>
            <ShowMore paged on_more=more />
            {(elsewhere > 0)
                .then(|| {
                    view! {
                        <div class="notice">
                            <p>
                                {t_string!(i18n, blog.other_count)} ": " {elsewhere} ". "
                                {t_string!(i18n, blog.other_read)}
                            </p>
                            <OtherLanguages langs=Lang::ALL.to_vec() path=path.clone() />
                        </div>
                    }
                })}
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="posts-heading">
            <h2 id="posts-heading">{t_string!(i18n, blog.posts)}</h2>
            {loaded(first, list, |_| None)}
        </section>
    }
}

/// One post in the list; `href` is the blog's address.
#[component]
fn PostItem(post: PostSummary, href: String) -> impl IntoView {
    let i18n = use_i18n();
    let id = post.id.0;
    view! {
        <li class="post-item">
            <h3>
                <a id=format!("post-{id}") href=format!("{href}/{id}")>
                    {post.title}
                </a>
            </h3>
            <p class="post-meta">{t_string!(i18n, archive.published)} ": " {local_date(post.published_at)}</p>
            {post.cover.map(|image| view! { <Picture image class="post-cover" /> })}
            <p>{post.excerpt}</p>
        </li>
    }
}

/// The questions asked on the blog and published with their answers.
#[component]
fn Questions(slug: String, lang: Lang) -> impl IntoView {
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
    let list = move |page: ArchivePage| {
        paged.reset(page.items, page.next);
        let more = more.clone();
        view! {
            {move || {
                paged
                    .items
                    .read()
                    .is_empty()
                    .then(|| view! { <p class="notice">{t_string!(i18n, blog.no_questions)}</p> })
            }}
            <ol class="archive-list" aria-labelledby="questions-heading">
                {move || paged.items.get().into_iter().map(|q| view! { <QuestionItem q lang /> }).collect_view()}
            </ol>
            <ShowMore paged on_more=more />
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="questions-heading">
            <h2 id="questions-heading">{t_string!(i18n, archive.title)}</h2>
            <p>{t_string!(i18n, blog.questions_intro)}</p>
            {loaded(first, list, |_| None)}
        </section>
    }
}

#[component]
fn QuestionItem(q: PublishedSummary, lang: Lang) -> impl IntoView {
    let i18n = use_i18n();
    let id = q.id.0;
    view! {
        <li class="archive-item">
            <p class="archive-meta">{t_string!(i18n, archive.published)} ": " {local_date(q.published_at)}</p>
            <p class="archive-excerpt" lang=q.lang.code()>
                <a id=format!("question-{id}") href=format!("/{lang}/questions/{id}") rel="external">
                    {q.excerpt}
                </a>
            </p>
            <p class="archive-votes">
                {t_string!(i18n, archive.satisfied)} ": " {q.votes.satisfied} " · "
                {t_string!(i18n, archive.unsatisfied)} ": " {q.votes.unsatisfied}
            </p>
        </li>
    }
}
