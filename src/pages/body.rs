use crate::client::{self, FetchError};
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::layout::CurrentBody;
use crate::components::load_error::LoadError;
use crate::components::page_heading::PageHeading;
use crate::components::status_name::local_date;
use crate::hub::Picture;
use crate::i18n::*;
use crate::lang::use_lang;
use crate::pages::not_found::NotFound;
use crate::sections::Section;
use api::archive::PublishedSummary;
use api::content::PostSummary;
use api::{Body, ErrorCode, Head, Localized};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// A body's hub: its head, the six online reception sections (each one click from here), the
/// latest answers and blog posts, departments and categories.
#[component]
pub fn BodyPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    let body = LocalResource::new(move || {
        let slug = slug.get();
        async move { client::body(&slug).await }
    });
    let current = use_context::<CurrentBody>().unwrap_or_default().0;
    on_cleanup(move || current.set(None));
    let loading = move || view! { <p role="status">{t!(i18n, loading)}</p> };
    view! {
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match body.await {
                    Ok(found) => {
                        current.set(Some((found.slug.to_string(), found.name.clone())));
                        view! { <Hub body=found /> }.into_any()
                    }
                    Err(FetchError::Server(ErrorCode::BodyNotFound)) => {
                        current.set(None);
                        view! {
                            <NotFound
                                title=Signal::derive(move || { t_string!(i18n, body_not_found_title).to_owned() })
                                text=Signal::derive(move || { t_string!(i18n, body_not_found_text).to_owned() })
                            />
                        }
                            .into_any()
                    }
                    Err(error) => view! { <LoadError error on_retry=move || body.refetch() /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// Where a section of this body is: every one is another bundle's page, so a full load.
fn section_href(lang: api::Lang, slug: &str, section: Section) -> String {
    match section {
        Section::Appeals => format!("/{lang}/appeals/new"),
        _ => format!("/{lang}/bodies/{slug}/{}", section.slug()),
    }
}

#[component]
fn Hub(body: Body) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let name = {
        let name = body.name.clone();
        Signal::derive(move || name.get(lang.get()).to_owned())
    };
    let slug = body.slug.to_string();
    let text = move |t: &Localized| {
        let t = t.clone();
        move || t.get(lang.get()).to_owned()
    };
    view! {
        <Breadcrumbs current=name />
        <PageHeading text=name />
        {body.head.clone().map(|head| view! { <HeadCard slug=slug.clone() head /> })}
        <p class="call-to-action">
            <a
                class="button"
                href={
                    let slug = slug.clone();
                    move || format!("/{}/questions/ask?body={slug}", lang.get())
                }
                rel="external"
            >
                {t!(i18n, ask.title)}
            </a>
        </p>
        <h2>{t!(i18n, sections_nav)}</h2>
        <ul class="card-list">
            {Section::ALL
                .into_iter()
                .map(|section| {
                    let slug = slug.clone();
                    view! {
                        <li>
                            <a href=move || section_href(lang.get(), &slug, section) rel="external">
                                {move || section.name(i18n)}
                            </a>
                            <p>{move || section.about(i18n)}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <LatestAnswers slug=slug.clone() />
        <LatestPosts slug=slug.clone() />
        <h2>{t!(i18n, body_departments)}</h2>
        <ul class="plain-list">{body.departments.iter().map(|d| view! { <li>{text(&d.name)}</li> }).collect_view()}</ul>
        <h2>{t!(i18n, body_categories)}</h2>
        <ul class="plain-list">{body.categories.iter().map(|c| view! { <li>{text(&c.name)}</li> }).collect_view()}</ul>
    }
}

/// The head: the photo from their blog profile when there is one, name, position, and the way
/// to the blog.
#[component]
fn HeadCard(slug: String, head: Head) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let profile = LocalResource::new({
        let slug = slug.clone();
        move || {
            let slug = slug.clone();
            async move { client::head(&slug).await }
        }
    });
    // The photo only adds to what the card says, so a failed load leaves it out quietly. It
    // waits in a suspense of its own: the page (and the focus on its heading) does not wait for it.
    let photo = move || {
        Suspend::new(async move {
            profile.await.ok().and_then(|p| p.photo).map(|image| view! { <Picture image class="head-photo" /> })
        })
    };
    let (name, position) = (head.name, head.position);
    view! {
        <div class="head-profile hub-head">
            <Transition>{photo}</Transition>
            <dl class="head-card">
                <dt>{t!(i18n, body_head)}</dt>
                <dd class="head-name">{move || name.get(lang.get()).to_owned()}</dd>
                <dd>{move || position.get(lang.get()).to_owned()}</dd>
            </dl>
            <p>
                <a href=move || format!("/{}/bodies/{slug}/blog", lang.get()) rel="external">
                    {t!(i18n, hub.head_blog)}
                </a>
            </p>
        </div>
    }
}

/// The three newest published answers, and the way to all of them.
#[component]
fn LatestAnswers(slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let answers = LocalResource::new({
        let slug = slug.clone();
        move || {
            let slug = slug.clone();
            async move { client::latest_answers(&slug, 3).await }
        }
    });
    let loading = move || view! { <p role="status">{t!(i18n, loading)}</p> };
    view! {
        <section aria-labelledby="latest-answers">
            <h2 id="latest-answers">{t!(i18n, hub.latest_answers)}</h2>
            <Transition fallback=loading>
                {move || Suspend::new(async move {
                    match answers.await {
                        Ok(page) if page.items.is_empty() => view! { <p>{t!(i18n, hub.no_answers)}</p> }.into_any(),
                        Ok(page) => {
                            view! {
                                <ul class="archive-list">
                                    {page.items.into_iter().map(|item| view! { <AnswerItem item /> }).collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                        Err(error) => view! { <LoadError error on_retry=move || answers.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
            <p>
                <a href=move || format!("/{}/bodies/{slug}/questions", lang.get()) rel="external">
                    {t!(i18n, archive.to_archive)}
                </a>
            </p>
        </section>
    }
}

#[component]
fn AnswerItem(item: PublishedSummary) -> impl IntoView {
    let lang = use_lang();
    let category = item.category.name.clone();
    view! {
        <li class="archive-item">
            <p class="archive-excerpt" lang=item.lang.code()>
                <a href=move || format!("/{}/questions/{}", lang.get(), item.id.0) rel="external">
                    {item.excerpt.clone()}
                </a>
            </p>
            <p class="archive-meta">
                {move || category.get(lang.get()).to_owned()} " · " {local_date(item.published_at)}
            </p>
        </li>
    }
}

/// The three newest blog posts in the page's language, and the way to the blog.
#[component]
fn LatestPosts(slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let posts = LocalResource::new({
        let slug = slug.clone();
        move || {
            let (slug, lang) = (slug.clone(), lang.get());
            async move { client::posts(&slug, lang, None, Some(3)).await }
        }
    });
    let loading = move || view! { <p role="status">{t!(i18n, loading)}</p> };
    let blog = {
        let slug = slug.clone();
        move || format!("/{}/bodies/{slug}/blog", lang.get())
    };
    view! {
        <section aria-labelledby="latest-posts">
            <h2 id="latest-posts">{t!(i18n, hub.latest_posts)}</h2>
            <Transition fallback=loading>
                {
                    let slug = slug.clone();
                    move || {
                        let slug = slug.clone();
                        Suspend::new(async move {
                            match posts.await {
                                Ok(page) if page.items.is_empty() => {
                                    view! { <p>{t!(i18n, hub.no_posts)}</p> }.into_any()
                                }
                                Ok(page) => {
                                    view! {
                                        <ul class="archive-list">
                                            {page
                                                .items
                                                .into_iter()
                                                .map(|post| view! { <PostItem slug=slug.clone() post /> })
                                                .collect_view()}
                                        </ul>
                                    }
                                        .into_any()
                                }
                                Err(error) => view! { <LoadError error on_retry=move || posts.refetch() /> }.into_any(),
                            }
                        })
                    }
                }
            </Transition>
            <p>
                <a href=blog rel="external">
                    {t!(i18n, hub.all_posts)}
                </a>
            </p>
        </section>
    }
}

#[component]
fn PostItem(slug: String, post: PostSummary) -> impl IntoView {
    let lang = use_lang();
    view! {
        <li class="archive-item">
            <p class="archive-excerpt">
                <a href=move || format!("/{}/bodies/{slug}/blog/{}", lang.get(), post.id.0) rel="external">
                    {post.title.clone()}
                </a>
            </p>
            <p class="archive-meta">{local_date(post.published_at)}</p>
        </li>
    }
}
