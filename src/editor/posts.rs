//! The head's blog in the office: every post with its languages and where it stands (a draft,
//! scheduled, published), a way to write a new one, and the public blog.

use crate::components::status_name::{local_date, local_date_time};
use crate::editor::{EditorFrame, Part, calls, editor_href, now, take_flash, use_slug};
use crate::i18n::*;
use crate::lang::use_lang;
use crate::office::OfficeLoadError;
use api::Lang;
use api::content::{OfficePost, PostState};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn PostListPage() -> impl IntoView {
    let i18n = use_i18n();
    let title = Signal::derive(move || t_string!(i18n, editor.part_blog).to_owned());
    view! {
        <EditorFrame part=Part::Blog title>
            <PostList />
        </EditorFrame>
    }
}

#[component]
fn PostList() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let slug = use_slug();
    let posts = LocalResource::new(move || {
        let slug = slug.get();
        async move { calls::posts(&slug).await }
    });
    // A post deleted on its own page is reported here.
    let flash = take_flash("posts-outcome");
    let loading = move || view! { <p role="status">{t!(i18n, loading)}</p> };
    view! {
        <div id="posts-outcome" tabindex="-1" role="status">
            {flash.map(|text| view! { <p class="panel-success">{text}</p> })}
        </div>
        <p class="call-to-action">
            <A href=move || editor_href(lang.get(), &slug.get(), "blog/new") attr:class="button">
                {t!(i18n, editor.new_post)}
            </A>
        </p>
        <p>
            <a href=move || format!("/{}/bodies/{}/blog", lang.get(), slug.get()) rel="external">
                {t!(i18n, editor.public_blog)}
            </a>
        </p>
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match posts.await {
                    Ok(list) if list.is_empty() => view! { <p>{t!(i18n, editor.no_posts)}</p> }.into_any(),
                    Ok(list) => view! { <PostTable posts=list /> }.into_any(),
                    Err(error) => view! { <OfficeLoadError error on_retry=move |_| posts.refetch() /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// Where a post stands, in words: "Draft", "Scheduled for 21.03.2026, 10:00", "Published 20.03.2026".
pub fn state_text(i18n: leptos_i18n::I18nContext<Locale>, post: &OfficePost) -> String {
    match (post.state, post.publish_at) {
        (PostState::Draft, _) => t_string!(i18n, editor.state_draft).to_owned(),
        (PostState::Published, Some(at)) if at > now() => {
            t_string!(i18n, editor.state_scheduled).replace("{date}", &local_date_time(at))
        }
        (PostState::Published, at) => {
            t_string!(i18n, editor.state_published).replace("{date}", &local_date(at.unwrap_or(post.updated_at)))
        }
    }
}

#[component]
fn PostTable(posts: Vec<OfficePost>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let slug = use_slug();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="posts-caption">
            <table class="data-table">
                <caption id="posts-caption">{t!(i18n, editor.posts_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, editor.title)}</th>
                        <th scope="col">{t!(i18n, editor.languages)}</th>
                        <th scope="col">{t!(i18n, editor.state)}</th>
                    </tr>
                </thead>
                <tbody>
                    {posts
                        .into_iter()
                        .map(|post| {
                            let state = state_text(i18n, &post);
                            let langs = Lang::ALL
                                .into_iter()
                                .filter(|l| post.texts.iter().any(|t| t.lang == *l))
                                .map(Lang::endonym)
                                .collect::<Vec<_>>()
                                .join(", ");
                            let text = StoredValue::new(post.texts.clone());
                            let shown = move || {
                                text.with_value(|texts| {
                                    texts
                                        .iter()
                                        .find(|t| t.lang == lang.get())
                                        .or_else(|| texts.first())
                                        .map(|t| (t.lang, t.title.clone()))
                                })
                            };
                            let id = post.id.0;
                            // The title in the page's language when the post has one, else its first.
                            view! {
                                <tr>
                                    <td lang=move || shown().map(|(l, _)| l.code())>
                                        <A href=move || {
                                            editor_href(lang.get(), &slug.get(), &format!("blog/{id}"))
                                        }>{move || shown().map(|(_, title)| title).unwrap_or_default()}</A>
                                    </td>
                                    <td>{langs}</td>
                                    <td>{state}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
