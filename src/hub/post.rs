//! One post of the head's blog, in the page's language or, when it has no text in it, links to
//! the languages it has.

use crate::client::FetchError;
use crate::components::load_error::LoadError;
use crate::components::page_heading::PageHeading;
use crate::components::status_name::local_date;
use crate::hub::{BodyGate, HubCrumbs, OtherLanguages, Picture, ask_href, calls, use_body};
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
    let lang = use_lang();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|id| id.parse::<i64>().ok()));
    let slug = body.slug.clone();
    let post = LocalResource::new(move || {
        let (id, lang, slug) = (id.get(), lang.get(), slug.clone());
        async move {
            let Some(id) = id else { return Err(FetchError::Server(ErrorCode::NotFound)) };
            match calls::post(id, lang).await {
                // A post is at its own body's address only.
                Ok(post) if post.body.slug != slug => Err(FetchError::Server(ErrorCode::NotFound)),
                other => other,
            }
        }
    });
    let loading = move || view! { <p role="status">{t!(i18n, loading)}</p> };
    view! {
        <Transition fallback=loading>
            {move || {
                let body = body.clone();
                Suspend::new(async move {
                    match post.await {
                        Ok(post) => view! { <PostView body post /> }.into_any(),
                        Err(FetchError::Server(ErrorCode::NotFound)) => {
                            view! {
                                <NotFound
                                    title=Signal::derive(move || t_string!(i18n, blog.not_found_title).to_owned())
                                    text=Signal::derive(move || t_string!(i18n, blog.not_found_text).to_owned())
                                />
                            }
                                .into_any()
                        }
                        Err(error) => view! { <LoadError error on_retry=move || post.refetch() /> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}

#[component]
fn PostView(body: Body, post: Post) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let slug = body.slug.to_string();
    let own_title = post.text.as_ref().map(|t| t.title.clone());
    let title =
        Signal::derive(move || own_title.clone().unwrap_or_else(|| t_string!(i18n, blog.post_title).to_owned()));
    let blog_href = {
        let slug = slug.clone();
        Signal::derive(move || format!("/{}/bodies/{slug}/blog", lang.get()))
    };
    let blog_name = Signal::derive(move || t_string!(i18n, blog.title).to_owned());
    let ask = {
        let slug = slug.clone();
        move || ask_href(lang.get(), &slug, Some("blog"))
    };
    let content = match post.text {
        Some(text) => view! {
            // Sanitised on the server to a small safe subset of HTML.
            <div class="post-body" lang=text.lang.code() inner_html=text.body_html></div>
        }
        .into_any(),
        None => view! {
            <div class="notice">
                <p>{t!(i18n, blog.no_text)}</p>
                <OtherLanguages langs=post.langs path=format!("/bodies/{slug}/blog/{}", post.id.0) />
            </div>
        }
        .into_any(),
    };
    view! {
        <HubCrumbs body current=title section=(blog_href, blog_name) />
        <PageHeading text=title />
        <p class="post-meta">{t!(i18n, archive.published)} ": " {local_date(post.published_at)}</p>
        {post.cover.map(|image| view! { <Picture image class="post-cover" /> })}
        {content}
        <ul class="post-actions">
            <li>
                <a href=blog_href>{t!(i18n, blog.to_blog)}</a>
            </li>
            <li>
                <a class="button" href=ask rel="external">
                    {t!(i18n, blog.ask)}
                </a>
            </li>
        </ul>
    }
}
