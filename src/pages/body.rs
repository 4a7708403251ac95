use crate::client::{self, FetchError};
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::layout::CurrentBody;
use crate::components::load_error::LoadError;
use crate::components::page_heading::PageHeading;
use crate::i18n::*;
use crate::lang::use_lang;
use crate::pages::not_found::NotFound;
use crate::sections::Section;
use api::{Body, ErrorCode, Localized};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// A body's hub: its name and head, the online reception sections, departments and categories.
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
        {body
            .head
            .as_ref()
            .map(|head| {
                view! {
                    <dl class="head-card">
                        <dt>{t!(i18n, body_head)}</dt>
                        <dd>{text(&head.name)}</dd>
                        <dd>{text(&head.position)}</dd>
                    </dl>
                }
            })}
        <p class="call-to-action">
            <a
                class="button"
                href={
                    let slug = slug.clone();
                    move || format!("/{}/questions/ask?body={slug}", lang.get())
                }
            >
                {t!(i18n, ask.title)}
            </a>
        </p>
        <h2>{t!(i18n, sections_nav)}</h2>
        <ul class="card-list">
            {Section::ALL
                .into_iter()
                .map(|section| {
                    view! {
                        <li>
                            <a href={
                                let slug = slug.clone();
                                move || match section {
                                    Section::Questions => format!("/{}/bodies/{slug}/questions", lang.get()),
                                    _ => format!("/{}/{}", lang.get(), section.slug()),
                                }
                            }>{move || section.name(i18n)}</a>
                            <p>{move || section.about(i18n)}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <h2>{t!(i18n, body_departments)}</h2>
        <ul class="plain-list">{body.departments.iter().map(|d| view! { <li>{text(&d.name)}</li> }).collect_view()}</ul>
        <h2>{t!(i18n, body_categories)}</h2>
        <ul class="plain-list">{body.categories.iter().map(|c| view! { <li>{text(&c.name)}</li> }).collect_view()}</ul>
    }
}
