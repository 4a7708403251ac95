//! A body's open dialogue: links to its polls, online conferences and other discussions on other
//! sites, the current ones first, then the past.

use crate::components::load_error::LoadError;
use crate::components::page_heading::PageHeading;
use crate::components::status_name::local_date;
use crate::hub::{BodyGate, HubCrumbs, calls, now, use_body};
use crate::i18n::*;
use crate::lang::use_lang;
use api::Body;
use api::content::{DialogueKind, DialogueLink};
use leptos::prelude::*;

#[component]
pub fn DialoguePage() -> impl IntoView {
    let (_, body) = use_body();
    view! {
        <BodyGate body let:body>
            <Dialogue body />
        </BodyGate>
    }
}

#[component]
fn Dialogue(body: Body) -> impl IntoView {
    let i18n = use_i18n();
    let slug = body.slug.to_string();
    let title = Signal::derive(move || t_string!(i18n, dialogue.title).to_owned());
    let links = LocalResource::new(move || {
        let slug = slug.clone();
        async move { calls::dialogue(&slug).await }
    });
    let loading = move || view! { <p role="status">{t!(i18n, loading)}</p> };
    view! {
        <HubCrumbs body current=title />
        <PageHeading text=title />
        <p class="lead">{t!(i18n, dialogue.intro)}</p>
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match links.await {
                    Ok(list) => {
                        let now = now();
                        let (past, current): (Vec<_>, Vec<_>) = list
                            .into_iter()
                            .partition(|l| l.ends_at.is_some_and(|end| end <= now));
                        view! {
                            <Group id="dialogue-current" links=current past=false />
                            <Group id="dialogue-past" links=past past=true />
                        }
                            .into_any()
                    }
                    Err(error) => view! { <LoadError error on_retry=move || links.refetch() /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Group(id: &'static str, links: Vec<DialogueLink>, past: bool) -> impl IntoView {
    let i18n = use_i18n();
    let heading = move || if past { t_string!(i18n, dialogue.past) } else { t_string!(i18n, dialogue.current) };
    let empty = move || if past { t_string!(i18n, dialogue.no_past) } else { t_string!(i18n, dialogue.no_current) };
    let content = if links.is_empty() {
        view! { <p class="notice">{empty}</p> }.into_any()
    } else {
        view! {
            <ul class="card-list dialogue-list">
                {links.into_iter().map(|link| view! { <Link link /> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby=id>
            <h2 id=id>{heading}</h2>
            {content}
        </section>
    }
}

#[component]
fn Link(link: DialogueLink) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let kind = move || match link.kind {
        DialogueKind::Poll => t_string!(i18n, dialogue.poll),
        DialogueKind::Conference => t_string!(i18n, dialogue.conference),
        DialogueKind::Other => t_string!(i18n, dialogue.other),
    };
    let title = link.title.clone();
    let date = |term: &'static str, at: Option<i64>| {
        at.map(|at| {
            view! {
                <div>
                    <dt>{term}</dt>
                    <dd>{local_date(at)}</dd>
                </div>
            }
        })
    };
    view! {
        <li class="dialogue-link">
            <p class="badge">{kind}</p>
            <h3>
                <a href=link.url.clone() rel="noopener external">
                    {move || title.get(lang.get()).to_owned()}
                    <span class="external-note">" (" {t!(i18n, dialogue.another_site)} ")"</span>
                </a>
            </h3>
            <dl class="facts">
                {move || date(t_string!(i18n, dialogue.starts), link.starts_at)}
                {move || date(t_string!(i18n, dialogue.ends), link.ends_at)}
            </dl>
        </li>
    }
}
