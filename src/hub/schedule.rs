//! A body's reception schedule: what a personal reception is, what happens after a request, and
//! the coming sessions with a request link while places are left.

use crate::appeals::local_date_time;
use crate::client;
use crate::components::page_heading::PageHeading;
use crate::hub::{BodyGate, HubCrumbs, ask_href, loaded, use_body};
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
    let lang = use_lang().get_untracked();
    let slug = body.slug.to_string();
    let title = t_string!(i18n, schedule.title).to_owned();
    let slots = {
        let slug = slug.clone();
        LocalResource::new(move || {
            let slug = slug.clone();
            async move { client::schedule(&slug).await }
        })
    };
    let list = move |list: Vec<ReceptionSlot>| {
        let slug = slug.clone();
        if list.is_empty() {
            return view! {
                <div class="notice">
                    <p>{t_string!(i18n, schedule.empty)}</p>
                    <p>
                        <a href=ask_href(lang, &slug, None) rel="external">
                            {t_string!(i18n, ask.title)}
                        </a>
                    </p>
                </div>
            }
            .into_any();
        }
        view! {
            <ul class="slot-list">
                {list.into_iter().map(|session| view! { <Session session slug=slug.clone() /> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <HubCrumbs body current=title.clone() />
        <PageHeading text=title />
        <section aria-labelledby="reception-what">
            <h2 id="reception-what">{t_string!(i18n, schedule.what_title)}</h2>
            <p>{t_string!(i18n, schedule.what)}</p>
        </section>
        <section aria-labelledby="reception-steps">
            <h2 id="reception-steps">{t_string!(i18n, schedule.steps_title)}</h2>
            <ol class="steps">
                <li>{t_string!(i18n, schedule.step_form)}</li>
                <li>{t_string!(i18n, schedule.step_confirm)}</li>
                <li>{t_string!(i18n, schedule.step_register)}</li>
                <li>{t_string!(i18n, schedule.step_come)}</li>
            </ol>
        </section>
        <section aria-labelledby="reception-sessions">
            <h2 id="reception-sessions">{t_string!(i18n, schedule.sessions)}</h2>
            <p>{t_string!(i18n, schedule.time_note)}</p>
            {loaded(slots, list, |_| None)}
        </section>
    }
}

#[component]
fn Session(session: ReceptionSlot, slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang().get_untracked();
    let ReceptionSlot { id, official, position, starts_at, minutes, place, online, capacity, requested } = session;
    let left = capacity.saturating_sub(requested);
    let when = local_date_time(starts_at);
    let official = official.get(lang).to_owned();
    let place = match (online, place.get(lang)) {
        (true, "") => t_string!(i18n, schedule.online).to_owned(),
        (true, text) => format!("{} — {text}", t_string!(i18n, schedule.online)),
        (false, text) => text.to_owned(),
    };
    let request = if left == 0 {
        view! { <p class="slot-full">{t_string!(i18n, schedule.full)}</p> }.into_any()
    } else {
        let href = format!("{}&slot={}", ask_href(lang, &slug, Some("reception")), id.0);
        view! {
            <p>
                <a class="button" href=href rel="external">
                    {t_string!(i18n, schedule.request)}
                    <span class="visually-hidden">{format!(": {official}, {when}")}</span>
                </a>
            </p>
        }
        .into_any()
    };
    view! {
        <li class="slot">
            <h3>{official.clone()}</h3>
            <p class="slot-position">{position.get(lang).to_owned()}</p>
            <dl class="facts">
                <div>
                    <dt>{t_string!(i18n, schedule.when)}</dt>
                    <dd>{when.clone()}</dd>
                </div>
                <div>
                    <dt>{t_string!(i18n, schedule.duration)}</dt>
                    <dd>{minutes} " " {t_string!(i18n, schedule.minutes)}</dd>
                </div>
                <div>
                    <dt>{t_string!(i18n, schedule.place)}</dt>
                    <dd>{place}</dd>
                </div>
                <div>
                    <dt>{t_string!(i18n, schedule.left)}</dt>
                    <dd>{left}</dd>
                </div>
            </dl>
            {request}
        </li>
    }
}
