//! "My appeals": the citizen asks for a one-time link by email; the link (its token in the
//! address's fragment, which no server log sees) opens a list of every case filed with that
//! address. The session is kept for this tab only.

use crate::a11y::use_announcer;
use crate::appeals::names::type_name;
use crate::appeals::{AppealsCrumbs, cabinet_session, calls, set_cabinet_session};
use crate::client::FetchError;
use crate::components::error_summary::{ErrorSummary, FieldMessage, described_by, field_id, has_error};
use crate::components::page_heading::PageHeading;
use crate::components::status_name::{local_date, shown_date, status_name};
use crate::i18n::*;
use crate::lang::use_lang;
use api::ErrorCode;
use api::cases::Channel;
use api::domain::{Email, FieldError};
use api::tracking::{Cabinet, CabinetCase};
use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq)]
enum View {
    /// Asking for the link, with why the previous attempt ended, if it did.
    Ask(Option<Note>),
    Sent(String),
    Opening,
    Cases(Cabinet),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Note {
    LinkInvalid,
    SessionEnded,
    RateLimited,
    Network,
}

#[component]
pub fn MyAppealsPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let announcer = use_announcer();
    crate::appeals::reload_on_hash_change();
    let token = window().location().hash().unwrap_or_default().trim_start_matches('#').to_owned();
    let session = cabinet_session();
    let state = RwSignal::new(if token.is_empty() && session.is_none() { View::Ask(None) } else { View::Opening });
    let email = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let busy = RwSignal::new(false);

    let open = move |result: Result<Cabinet, FetchError>, ended: Note| {
        let next = match result {
            Ok(cabinet) => {
                set_cabinet_session(Some(&cabinet.session));
                View::Cases(cabinet)
            }
            Err(FetchError::Server(ErrorCode::LinkInvalid)) => {
                set_cabinet_session(None);
                View::Ask(Some(ended))
            }
            Err(_) => View::Ask(Some(Note::Network)),
        };
        if let View::Ask(Some(note)) = next {
            announcer.say(note_text(i18n, note));
        }
        state.set(next);
    };
    if !token.is_empty() {
        leptos::task::spawn_local(async move {
            let result = calls::cabinet_open(token).await;
            if !state.is_disposed() {
                // The token works once: a reload must not try it again.
                let _ = window().history().and_then(|h| {
                    h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&window().location().pathname()?))
                });
                open(result, Note::LinkInvalid);
            }
        });
    } else if let Some(session) = session {
        leptos::task::spawn_local(async move {
            let result = calls::cabinet(session).await;
            if !state.is_disposed() {
                open(result, Note::SessionEnded);
            }
        });
    }

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let address = email.get_untracked().trim().to_owned();
        if let Err(problem) = Email::parse(&address) {
            errors.set(vec![FieldError { field: "email".into(), problem }]);
            return;
        }
        if busy.get_untracked() {
            return;
        }
        errors.set(Vec::new());
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = calls::cabinet_link(address.clone(), lang.get_untracked()).await;
            if busy.is_disposed() {
                return;
            }
            busy.set(false);
            match result {
                Ok(()) => state.set(View::Sent(address)),
                Err(FetchError::Invalid(found)) => errors.set(found),
                Err(FetchError::Server(ErrorCode::RateLimited)) => {
                    announcer.say(note_text(i18n, Note::RateLimited));
                    state.set(View::Ask(Some(Note::RateLimited)));
                }
                Err(_) => {
                    announcer.say(note_text(i18n, Note::Network));
                    state.set(View::Ask(Some(Note::Network)));
                }
            }
        });
    };

    let title = Signal::derive(move || match state.get() {
        View::Sent(_) => t_string!(i18n, appeals.my_sent_title).to_owned(),
        _ => t_string!(i18n, appeals.my_title).to_owned(),
    });
    view! {
        <AppealsCrumbs current=title />
        <PageHeading text=title />
        {move || match state.get() {
            View::Opening => view! { <p role="status">{t!(i18n, loading)}</p> }.into_any(),
            View::Sent(to) => {
                view! {
                    <div class="panel-success" role="status">
                        <p>{t!(i18n, appeals.my_sent)} " " <strong>{to}</strong></p>
                    </div>
                    <p class="lead">{t!(i18n, appeals.my_sent_next)}</p>
                    <p>{t!(i18n, appeals.my_sent_none)}</p>
                }
                    .into_any()
            }
            View::Cases(cabinet) => view! { <Cases cases=cabinet.cases /> }.into_any(),
            View::Ask(note) => {
                view! {
                    <p class="lead">{t!(i18n, appeals.my_intro)}</p>
                    {note
                        .map(|n| {
                            view! {
                                <div class="status-error" role="alert">
                                    <p>{note_text(i18n, n)}</p>
                                </div>
                            }
                        })}
                    <ErrorSummary errors />
                    <form novalidate on:submit=submit>
                        <div class="field" class:field-invalid=has_error("email", errors)>
                            <label for=field_id("email")>{t!(i18n, appeals.email)}</label>
                            <p class="hint" id="field-email-hint">
                                {t!(i18n, appeals.my_email_hint)}
                            </p>
                            <FieldMessage field="email" errors />
                            <input
                                type="email"
                                id=field_id("email")
                                autocomplete="email"
                                inputmode="email"
                                spellcheck="false"
                                aria-describedby=described_by("email", errors, &["hint"])
                                aria-invalid=move || has_error("email", errors)().then_some("true")
                                prop:value=move || email.get()
                                on:input:target=move |ev| email.set(ev.target().value())
                            />
                        </div>
                        <button type="submit" class="button" aria-disabled=move || busy.get().then_some("true")>
                            {t!(i18n, appeals.my_send)}
                        </button>
                    </form>
                }
                    .into_any()
            }
        }}
    }
}

fn note_text(i18n: leptos_i18n::I18nContext<Locale>, note: Note) -> &'static str {
    match note {
        Note::LinkInvalid => t_string!(i18n, appeals.my_link_invalid),
        Note::SessionEnded => t_string!(i18n, appeals.session_ended),
        Note::RateLimited => t_string!(i18n, appeals.my_rate_limited),
        Note::Network => t_string!(i18n, error_network),
    }
}

#[component]
fn Cases(cases: Vec<CabinetCase>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    if cases.is_empty() {
        return view! { <p class="lead">{t!(i18n, appeals.my_empty)}</p> }.into_any();
    }
    view! {
        <p class="lead">{t!(i18n, appeals.my_cases_intro)}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="cases-caption">
            <table class="data-table">
                <caption id="cases-caption">{t!(i18n, appeals.my_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, appeals.number)}</th>
                        <th scope="col">{t!(i18n, appeals.kind_legend)}</th>
                        <th scope="col">{t!(i18n, appeals.status)}</th>
                        <th scope="col">{t!(i18n, ask.body)}</th>
                        <th scope="col">{t!(i18n, appeals.submitted)}</th>
                        <th scope="col">{t!(i18n, appeals.deadline)}</th>
                    </tr>
                </thead>
                <tbody>
                    {cases
                        .into_iter()
                        .map(|case| {
                            let number = case.number.to_string();
                            let status = case.status;
                            let kind = case.appeal_type;
                            let body = case.body.clone();
                            let appeal = case.channel == Channel::Appeal;
                            let href = format!(
                                "/{}/appeals/track?number={}",
                                lang.get_untracked(),
                                js_sys::encode_uri_component(&number).as_string().unwrap_or_default(),
                            );
                            view! {
                                <tr>
                                    <th scope="row">
                                        {if appeal {
                                            view! { <a href=href>{number}</a> }.into_any()
                                        } else {
                                            view! { <span>{number}</span> }.into_any()
                                        }}
                                    </th>
                                    <td>
                                        {move || match kind {
                                            Some(t) => type_name(i18n, t),
                                            None => t_string!(i18n, appeals.question),
                                        }}
                                    </td>
                                    <td>{move || status_name(i18n, status)}</td>
                                    <td>{move || body.get(lang.get()).to_owned()}</td>
                                    <td>{local_date(case.submitted_at)}</td>
                                    <td>{case.deadline.as_deref().map(shown_date).unwrap_or_default()}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
