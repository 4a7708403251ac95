//! One post of the head's blog, in the page's language or, when it has no text in it, links to
//! the languages it has.

use crate::client::FetchError;
use crate::components::page_heading::PageHeading;
use crate::components::status_name::local_date;
use crate::hub::{BodyGate, HubCrumbs, OtherLanguages, Picture, ask_href, calls, loaded, use_body};
use crate::i18n::*;
use crate::lang::use_lang;
use crate::pages::not_found::NotFound;
use api::content::Post;
use api::{Body, ErrorCode};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PostPage() -> impl IntoView {
    let (_, body) = use_body();
    view! {
        <BodyGate body let:body>
            <PostLoader body />
        </BodyGate>
    }
}

#[component]
fn PostLoader(body: Body) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang().get_untracked();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|id| id.parse::<i64>().ok()));
    let slug = body.slug.clone();
    let post = LocalResource::new(move || {
        let (id, slug) = (id.get(), slug.clone());
        async move {
            let Some(id) = id else { return Err(FetchError::Server(ErrorCode::NotFound)) };
            match calls::post(id, lang).await {
                // A post is at its own body's address only.
                Ok(post) if post.body.slug != slug => Err(FetchError::Server(ErrorCode::NotFound)),
                other => other,
            }
        }
    });
    let not_found = move |error: &FetchError| {
        (*error == FetchError::Server(ErrorCode::NotFound)).then(|| {
            view! {
                <NotFound
                    title=Signal::derive(move || t_string!(i18n, blog.not_found_title).to_owned())
                    text=Signal::derive(move || t_string!(i18n, blog.not_found_text).to_owned())
                />
            }
            .into_any()
        })
    };
    loaded(post, move |post| view! { <PostView body=body.clone() post /> }.into_any(), not_found)
}

#[component]
fn PostView(body: Body, post: Post) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang().get_untracked();
    let slug = body.slug.to_string();
    let title = match &post.text {
        Some(text) => text.title.clone(),
        None => t_string!(i18n, blog.post_title).to_owned(),
    };
    let blog_href = format!("/{lang}/bodies/{slug}/blog");
    let content = match post.text {
        Some(text) => view! {
            // Sanitised on the server to a small safe subset of HTML.
            <div class="post-body" lang=text.lang.code() inner_html=text.body_html></div>
        }
        .into_any(),
        None => view! {
            <div class="notice">
                <p>{t_string!(i18n, blog.no_text)}</p>
                <OtherLanguages langs=post.langs path=format!("/bodies/{slug}/blog/{}", post.id.0) />
            </div>
        }
        .into_any(),
    };
    view! {
        <HubCrumbs body current=title.clone() section=(blog_href.clone(), t_string!(i18n, blog.title)) />
        <PageHeading text=title />
        <p class="post-meta">{t_string!(i18n, archive.published)} ": " {local_date(post.published_at)}</p>
        {post.cover.map(|image| view! { <Picture image class="post-cover" /> })}
        {content}
        <ul class="post-actions">
            <li>
                <a href=blog_href>{t_string!(i18n, blog.to_blog)}</a>
            </li>
            <li>
                <a class="button" href=ask_href(lang, &slug, Some("blog")) rel="external">
                    {t_string!(i18n, blog.ask)}
                </a>
            </li>
        </ul>
    }
}
