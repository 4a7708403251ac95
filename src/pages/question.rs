//! One published question: the question, the body's answer, and its public timeline. The page
//! marks both texts with their language, which may differ from the site's.

use crate::client::{self, FetchError};
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::load_error::LoadError;
use crate::components::page_heading::PageHeading;
use crate::components::status_name::{local_date, status_name};
use crate::i18n::*;
use crate::lang::use_lang;
use crate::pages::not_found::NotFound;
use api::ErrorCode;
use api::archive::PublishedQuestion;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn QuestionPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|id| id.parse::<i64>().ok()));
    let question = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => client::question(id).await,
                None => Err(FetchError::Server(ErrorCode::NotFound)),
            }
        }
    });
    let loading = move || view! { <p role="status">{t!(i18n, loading)}</p> };
    view! {
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match question.await {
                    Ok(q) => view! { <Question q /> }.into_any(),
                    Err(FetchError::Server(ErrorCode::NotFound)) => {
                        view! {
                            <NotFound
                                title=Signal::derive(move || t_string!(i18n, archive.not_found_title).to_owned())
                                text=Signal::derive(move || t_string!(i18n, archive.not_found_text).to_owned())
                            />
                        }
                            .into_any()
                    }
                    Err(error) => view! { <LoadError error on_retry=move || question.refetch() /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Question(q: PublishedQuestion) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let number = q.number.to_string();
    let title = Signal::derive(move || format!("{} {number}", t_string!(i18n, archive.question)));
    let slug = q.body.slug.to_string();
    let body_name = q.body.name.clone();
    let category = q.category.name.clone();
    let author = q.author.clone();
    let published =
        q.timeline.iter().rev().find(|t| t.status == api::cases::CaseStatus::Published).map(|t| local_date(t.at));
    view! {
        <Breadcrumbs current=title />
        <PageHeading text=title />
        <dl class="facts">
            <div>
                <dt>{t!(i18n, ask.body)}</dt>
                <dd>
                    <a href=move || {
                        format!("/{}/bodies/{slug}/questions", lang.get())
                    }>{move || body_name.get(lang.get()).to_owned()}</a>
                </dd>
            </div>
            <div>
                <dt>{t!(i18n, archive.category_label)}</dt>
                <dd>{move || category.get(lang.get()).to_owned()}</dd>
            </div>
            <div>
                <dt>{t!(i18n, archive.author)}</dt>
                <dd>{move || author.clone().unwrap_or_else(|| t_string!(i18n, archive.anonymous).to_owned())}</dd>
            </div>
            {published
                .map(|date| {
                    view! {
                        <div>
                            <dt>{t!(i18n, archive.published)}</dt>
                            <dd>{date}</dd>
                        </div>
                    }
                })}
        </dl>
        <section aria-labelledby="question-heading">
            <h2 id="question-heading">{t!(i18n, archive.question)}</h2>
            <p class="question-text" lang=q.lang.code()>
                {q.question.clone()}
            </p>
        </section>
        <section aria-labelledby="answer-heading">
            <h2 id="answer-heading">{t!(i18n, archive.answer)}</h2>
            // Sanitised on the server to a small safe subset of HTML.
            <div class="answer" lang=q.lang.code() inner_html=q.answer_html.clone()></div>
        </section>
        <section aria-labelledby="votes-heading">
            <h2 id="votes-heading">{t!(i18n, archive.votes)}</h2>
            <VoteButtons id=q.id.0 initial=q.votes />
        </section>
        <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t!(i18n, archive.timeline)}</h2>
            <ol class="timeline">
                {q
                    .timeline
                    .iter()
                    .map(|step| {
                        let status = step.status;
                        view! {
                            <li>
                                <span class="timeline-date">{local_date(step.at)}</span>
                                " — "
                                {move || status_name(i18n, status)}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}

/// This browser's anonymous id for votes, kept between visits.
fn voter_id() -> String {
    let storage = window().local_storage().ok().flatten();
    if let Some(id) = storage.as_ref().and_then(|s| s.get_item("voter").ok().flatten()) {
        return id;
    }
    let id = client::random_id();
    if let Some(s) = storage {
        let _ = s.set_item("voter", &id);
    }
    id
}

/// "Satisfied" / "Not satisfied": toggle buttons with the counts; one vote per browser,
/// which it may change.
#[component]
fn VoteButtons(id: i64, initial: api::archive::Votes) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = crate::a11y::use_announcer();
    let votes = RwSignal::new(initial);
    let key = format!("vote:{id}");
    let stored = window().local_storage().ok().flatten().and_then(|s| s.get_item(&key).ok().flatten());
    let mine = RwSignal::new(stored.map(|v| v == "yes"));
    let cast = move |satisfied: bool| {
        let key = format!("vote:{id}");
        leptos::task::spawn_local(async move {
            if let Ok(counts) = client::vote(id, satisfied, voter_id()).await {
                if votes.is_disposed() {
                    return;
                }
                votes.set(counts);
                mine.set(Some(satisfied));
                if let Some(s) = window().local_storage().ok().flatten() {
                    let _ = s.set_item(&key, if satisfied { "yes" } else { "no" });
                }
                announcer.say(t_string!(i18n, vote.thanks));
            }
        });
    };
    view! {
        <p>{t!(i18n, vote.prompt)}</p>
        <div class="vote-buttons">
            <button
                type="button"
                class="button button-secondary"
                aria-pressed=move || (mine.get() == Some(true)).to_string()
                on:click=move |_| cast(true)
            >
                {t!(i18n, vote.yes)}
                ": "
                {move || votes.get().satisfied}
            </button>
            <button
                type="button"
                class="button button-secondary"
                aria-pressed=move || (mine.get() == Some(false)).to_string()
                on:click=move |_| cast(false)
            >
                {t!(i18n, vote.no)}
                ": "
                {move || votes.get().unsatisfied}
            </button>
        </div>
    }
}
