//! A body's reception schedule: what a personal reception is, what happens after a request, and
//! the coming sessions with a request link while places are left.

use crate::appeals::local_date_time;
use crate::client;
use crate::components::load_error::LoadError;
use crate::components::page_heading::PageHeading;
use crate::hub::{BodyGate, HubCrumbs, ask_href, use_body};
use crate::i18n::*;
use crate::lang::use_lang;
use api::Body;
use api::content::ReceptionSlot;
use leptos::prelude::*;

#[component]
pub fn SchedulePage() -> impl IntoView {
    let (_, body) = use_body();
    view! {
        <BodyGate body let:body>
            <Schedule body />
        </BodyGate>
    }
}

#[component]
fn Schedule(body: Body) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let slug = body.slug.to_string();
    let title = Signal::derive(move || t_string!(i18n, schedule.title).to_owned());
    let slots = {
        let slug = slug.clone();
        LocalResource::new(move || {
            let slug = slug.clone();
            async move { client::schedule(&slug).await }
        })
    };
    let loading = move || view! { <p role="status">{t!(i18n, loading)}</p> };
    view! {
        <HubCrumbs body current=title />
        <PageHeading text=title />
        <section aria-labelledby="reception-what">
            <h2 id="reception-what">{t!(i18n, schedule.what_title)}</h2>
            <p>{t!(i18n, schedule.what)}</p>
        </section>
        <section aria-labelledby="reception-steps">
            <h2 id="reception-steps">{t!(i18n, schedule.steps_title)}</h2>
            <ol class="steps">
                <li>{t!(i18n, schedule.step_form)}</li>
                <li>{t!(i18n, schedule.step_confirm)}</li>
                <li>{t!(i18n, schedule.step_register)}</li>
                <li>{t!(i18n, schedule.step_come)}</li>
            </ol>
        </section>
        <section aria-labelledby="reception-sessions">
            <h2 id="reception-sessions">{t!(i18n, schedule.sessions)}</h2>
            <p>{t!(i18n, schedule.time_note)}</p>
            <Transition fallback=loading>
                {move || {
                    let slug = slug.clone();
                    Suspend::new(async move {
                        match slots.await {
                            Ok(list) if list.is_empty() => {
                                view! {
                                    <div class="notice">
                                        <p>{t!(i18n, schedule.empty)}</p>
                                        <p>
                                            <a href=move || ask_href(lang.get(), &slug, None) rel="external">
                                                {t!(i18n, ask.title)}
                                            </a>
                                        </p>
                                    </div>
                                }
                                    .into_any()
                            }
                            Ok(list) => {
                                view! {
                                    <ul class="slot-list">
                                        {list
                                            .into_iter()
                                            .map(|session| view! { <Session session slug=slug.clone() /> })
                                            .collect_view()}
                                    </ul>
                                }
                                    .into_any()
                            }
                            Err(error) => view! { <LoadError error on_retry=move || slots.refetch() /> }.into_any(),
                        }
                    })
                }}
            </Transition>
        </section>
    }
}

#[component]
fn Session(session: ReceptionSlot, slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let ReceptionSlot { id, official, position, starts_at, minutes, place, online, capacity, requested } = session;
    let left = capacity.saturating_sub(requested);
    let when = local_date_time(starts_at);
    let heading_id = format!("slot-{}", id.0);
    let name = official.clone();
    let place_text = move || {
        let text = place.get(lang.get()).to_owned();
        match (online, text.is_empty()) {
            (true, true) => t_string!(i18n, schedule.online).to_owned(),
            (true, false) => format!("{} — {text}", t_string!(i18n, schedule.online)),
            (false, _) => text,
        }
    };
    let request = {
        let when = when.clone();
        move || {
            if left == 0 {
                return view! { <p class="slot-full">{t!(i18n, schedule.full)}</p> }.into_any();
            }
            let href = format!("{}&slot={}", ask_href(lang.get(), &slug, Some("reception")), id.0);
            let context = format!(": {}, {when}", name.get(lang.get()));
            view! {
                <p>
                    <a class="button" href=href rel="external">
                        {t!(i18n, schedule.request)}
                        <span class="visually-hidden">{context}</span>
                    </a>
                </p>
            }
            .into_any()
        }
    };
    view! {
        <li class="slot">
            <h3 id=heading_id>{move || official.get(lang.get()).to_owned()}</h3>
            <p class="slot-position">{move || position.get(lang.get()).to_owned()}</p>
            <dl class="facts">
                <div>
                    <dt>{t!(i18n, schedule.when)}</dt>
                    <dd>{when}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, schedule.duration)}</dt>
                    <dd>{minutes} " " {t!(i18n, schedule.minutes)}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, schedule.place)}</dt>
                    <dd>{place_text}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, schedule.left)}</dt>
                    <dd>{left}</dd>
                </div>
            </dl>
            {request}
        </li>
    }
}
