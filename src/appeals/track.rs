//! Following an appeal: its number and the code from the confirmation email (or the session of
//! "my appeals"), then its status, deadline, history, the decision with its files, and the
//! rating of the decision. A wrong number and a wrong code get the same answer.

use crate::a11y::use_announcer;
use crate::appeals::names::{outcome_name, type_name};
use crate::appeals::{AppealsCrumbs, cabinet_session, calls, file_size, local_date_time, set_cabinet_session};
use crate::client::FetchError;
use crate::components::error_summary::{ErrorSummary, FieldMessage, described_by, field_id, has_error};
use crate::components::page_heading::PageHeading;
use crate::components::score_field::ScoreField;
use crate::components::status_name::{local_date, shown_date, status_name};
use crate::i18n::*;
use crate::lang::use_lang;
use api::ErrorCode;
use api::appeals::AppealFile;
use api::domain::{FieldError, FieldProblem, RegistrationNumber};
use api::tracking::{AppealRatingRequest, AppealTracking, TrackRequest};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use wasm_bindgen::JsCast;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trouble {
    NotFound,
    SessionEnded,
    RateLimited,
    Network,
}

/// `number` and `code` from an address fragment like `#number=...&code=...`.
fn from_fragment(hash: &str) -> Option<(String, String)> {
    let params = web_sys::UrlSearchParams::new_with_str(hash.trim_start_matches('#')).ok()?;
    Some((params.get("number")?, params.get("code").unwrap_or_default()))
}

#[component]
pub fn TrackPage() -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let lang = use_lang();
    let query = use_query_map();
    crate::appeals::reload_on_hash_change();
    let number = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let trouble = RwSignal::new(None::<Trouble>);
    let busy = RwSignal::new(false);
    let found = RwSignal::new(None::<(AppealTracking, TrackRequest)>);

    let title = Signal::derive(move || match found.get() {
        Some((t, _)) => format!("{} {}", t_string!(i18n, appeals.appeal_no), t.number),
        None => t_string!(i18n, appeals.track_title).to_owned(),
    });
    let lookup = move |request: TrackRequest| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        trouble.set(None);
        leptos::task::spawn_local(async move {
            let result = calls::track(&request).await;
            if busy.is_disposed() {
                return;
            }
            busy.set(false);
            let problem = match result {
                Ok(tracking) => {
                    found.set(Some((tracking, request)));
                    return;
                }
                Err(FetchError::Server(ErrorCode::NotFound)) => Trouble::NotFound,
                Err(FetchError::Server(ErrorCode::LinkInvalid)) => {
                    set_cabinet_session(None);
                    Trouble::SessionEnded
                }
                Err(FetchError::Server(ErrorCode::RateLimited)) => Trouble::RateLimited,
                Err(_) => Trouble::Network,
            };
            trouble.set(Some(problem));
            announcer.say(trouble_text(i18n, problem));
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = number.get_untracked().trim().to_uppercase();
        let c = code.get_untracked();
        let mut found_errors = Vec::new();
        if n.is_empty() {
            found_errors.push(FieldError { field: "track_number".into(), problem: FieldProblem::Missing });
        } else if RegistrationNumber::parse(&n).is_none() {
            found_errors.push(FieldError { field: "track_number".into(), problem: FieldProblem::BadFormat });
        }
        if c.trim().is_empty() {
            found_errors.push(FieldError { field: "track_code".into(), problem: FieldProblem::Missing });
        }
        errors.set(found_errors);
        if errors.read_untracked().is_empty() {
            lookup(TrackRequest { number: n, code: c, cabinet: String::new() });
        }
    };

    // From the confirmation email (#number=..&code=..) or from "my appeals" (?number=..).
    let hash = window().location().hash().unwrap_or_default();
    if let Some((n, c)) = from_fragment(&hash) {
        number.set(n.clone());
        code.set(c.clone());
        lookup(TrackRequest { number: n, code: c, cabinet: String::new() });
    } else if let Some(n) = query.read_untracked().get("number") {
        number.set(n.clone());
        if let Some(session) = cabinet_session() {
            lookup(TrackRequest { number: n, code: String::new(), cabinet: session });
        }
    }

    view! {
        <AppealsCrumbs current=title />
        <PageHeading text=title />
        {move || match found.get() {
            Some((tracking, access)) => {
                view! {
                    <Tracking tracking access />
                    <p>
                        <button
                            type="button"
                            class="link-button"
                            on:click=move |_| {
                                found.set(None);
                                code.set(String::new());
                            }
                        >
                            {t!(i18n, appeals.track_another)}
                        </button>
                    </p>
                }
                    .into_any()
            }
            None => {
                view! {
                    <p class="lead">{t!(i18n, appeals.track_intro)}</p>
                    <ErrorSummary errors />
                    {move || {
                        trouble
                            .get()
                            .map(|t| {
                                view! {
                                    <div class="status-error" role="alert">
                                        <p>{trouble_text(i18n, t)}</p>
                                    </div>
                                }
                            })
                    }}
                    <form novalidate on:submit=submit>
                        <div class="field" class:field-invalid=has_error("track_number", errors)>
                            <label for=field_id("track_number")>{t!(i18n, appeals.number)}</label>
                            <p class="hint" id="field-track_number-hint">
                                {t!(i18n, appeals.number_hint)}
                            </p>
                            <FieldMessage field="track_number" errors />
                            <input
                                type="text"
                                id=field_id("track_number")
                                autocomplete="off"
                                spellcheck="false"
                                aria-describedby=described_by("track_number", errors, &["hint"])
                                aria-invalid=move || has_error("track_number", errors)().then_some("true")
                                prop:value=move || number.get()
                                on:input:target=move |ev| number.set(ev.target().value())
                            />
                        </div>
                        <div class="field" class:field-invalid=has_error("track_code", errors)>
                            <label for=field_id("track_code")>{t!(i18n, appeals.tracking_code)}</label>
                            <p class="hint" id="field-track_code-hint">
                                {t!(i18n, appeals.code_hint)}
                            </p>
                            <FieldMessage field="track_code" errors />
                            <input
                                type="text"
                                id=field_id("track_code")
                                autocomplete="off"
                                spellcheck="false"
                                aria-describedby=described_by("track_code", errors, &["hint"])
                                aria-invalid=move || has_error("track_code", errors)().then_some("true")
                                prop:value=move || code.get()
                                on:input:target=move |ev| code.set(ev.target().value())
                            />
                        </div>
                        <button type="submit" class="button" aria-disabled=move || busy.get().then_some("true")>
                            {t!(i18n, appeals.track_button)}
                        </button>
                    </form>
                    <p>
                        {t!(i18n, appeals.track_lost)} " "
                        <a href=move || format!("/{}/appeals/my", lang.get())>{t!(i18n, appeals.my_title)}</a>
                    </p>
                }
                    .into_any()
            }
        }}
    }
}

fn trouble_text(i18n: leptos_i18n::I18nContext<Locale>, t: Trouble) -> &'static str {
    match t {
        Trouble::NotFound => t_string!(i18n, appeals.track_not_found),
        Trouble::SessionEnded => t_string!(i18n, appeals.session_ended),
        Trouble::RateLimited => t_string!(i18n, appeals.track_rate_limited),
        Trouble::Network => t_string!(i18n, error_network),
    }
}

#[component]
fn Tracking(tracking: AppealTracking, access: TrackRequest) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let t = tracking;
    let status = t.status;
    let appeal_type = t.appeal_type;
    let outcome = t.outcome;
    let body_name = t.body.name.clone();
    let (mine, theirs): (Vec<AppealFile>, Vec<AppealFile>) = t.files.iter().cloned().partition(|f| !f.from_body);
    let decided = t.answer_html.is_some() || t.outcome.is_some();
    let access = StoredValue::new(access);
    view! {
        <dl class="facts">
            <div>
                <dt>{t!(i18n, appeals.status)}</dt>
                <dd>
                    <strong>{move || status_name(i18n, status)}</strong>
                </dd>
            </div>
            <div>
                <dt>{t!(i18n, appeals.kind_legend)}</dt>
                <dd>{move || type_name(i18n, appeal_type)}</dd>
            </div>
            <div>
                <dt>{t!(i18n, appeals.responsible)}</dt>
                <dd>{move || body_name.get(lang.get()).to_owned()}</dd>
            </div>
            <div>
                <dt>{t!(i18n, appeals.registered_at)}</dt>
                <dd>{local_date_time(t.registered_at)}</dd>
            </div>
            <div>
                <dt>{t!(i18n, appeals.registration_day)}</dt>
                <dd>{shown_date(&t.registration_day)}</dd>
            </div>
            <div>
                <dt>{t!(i18n, appeals.deadline)}</dt>
                <dd>{shown_date(&t.deadline)}</dd>
            </div>
            {t
                .extension
                .clone()
                .map(|x| {
                    view! {
                        <div>
                            <dt>{t!(i18n, appeals.extended)}</dt>
                            <dd>
                                {t!(i18n, appeals.extended_on)} " " {shown_date(&x.decided_on)} ". "
                                {t!(i18n, appeals.extension_reason)} ": " {x.reason}
                            </dd>
                        </div>
                    }
                })}
        </dl>
        {decided
            .then(|| {
                view! {
                    <section aria-labelledby="decision-heading">
                        <h2 id="decision-heading">{t!(i18n, appeals.decision)}</h2>
                        {outcome
                            .map(|o| {
                                view! {
                                    <p>
                                        <strong>
                                            {t!(i18n, appeals.outcome)} ": " {move || outcome_name(i18n, o)}
                                        </strong>
                                    </p>
                                }
                            })}
                        {t.outcome_reason.clone().map(|r| view! { <p>{r}</p> })}
                        // Sanitised on the server to a small safe subset of HTML.
                        {t
                            .answer_html
                            .clone()
                            .map(|html| view! { <div class="answer" lang=t.lang.code() inner_html=html></div> })}
                        {(!theirs.is_empty())
                            .then(|| {
                                view! {
                                    <h3>{t!(i18n, appeals.decision_files)}</h3>
                                    <FileList files=theirs.clone() access />
                                }
                            })}
                    </section>
                }
            })}
        {t.may_rate.then(|| view! { <RatingForm access /> })}
        {t
            .rating
            .map(|score| {
                view! { <p class="notice">{t!(i18n, appeals.rated)} " " {score} " / 5"</p> }
            })}
        <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t!(i18n, archive.timeline)}</h2>
            <ol class="timeline">
                {t
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
        <section aria-labelledby="text-heading">
            <h2 id="text-heading">{t!(i18n, appeals.your_text)}</h2>
            <p class="question-text">{t.text.clone()}</p>
            {(!mine.is_empty())
                .then(|| {
                    view! {
                        <h3>{t!(i18n, appeals.your_files)}</h3>
                        <FileList files=mine.clone() access />
                    }
                })}
        </section>
    }
}

/// Files to download: the bytes come by POST (the code must not travel in an address), then
/// the browser saves them through a temporary link.
#[component]
fn FileList(files: Vec<AppealFile>, access: StoredValue<TrackRequest>) -> impl IntoView {
    let i18n = use_i18n();
    let failed = RwSignal::new(false);
    view! {
        <ul class="file-list">
            {files
                .into_iter()
                .map(|file| {
                    let name = file.name.clone();
                    let get = move |_| {
                        let (id, name) = (file.id, file.name.clone());
                        leptos::task::spawn_local(async move {
                            let result = calls::download(id, &access.get_value()).await;
                            if failed.is_disposed() {
                                return;
                            }
                            match result {
                                Ok(bytes) => failed.set(save(&bytes, &name).is_none()),
                                Err(_) => failed.set(true),
                            }
                        });
                    };
                    view! {
                        <li>
                            <button type="button" class="link-button" on:click=get>
                                {t!(i18n, appeals.download)}
                                " «"
                                {name}
                                "»"
                            </button>
                            " ("
                            {file_size(file.size as f64)}
                            ")"
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        {move || {
            failed
                .get()
                .then(|| {
                    view! {
                        <p class="status-error" role="alert">
                            {t!(i18n, appeals.download_failed)}
                        </p>
                    }
                })
        }}
    }
}

fn save(bytes: &[u8], name: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link: web_sys::HtmlAnchorElement = document().create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(name);
    document().body()?.append_child(&link).ok()?;
    link.click();
    link.remove();
    // The browser has started the download by now; free the memory a little later.
    set_timeout(move || drop(web_sys::Url::revoke_object_url(&url)), std::time::Duration::from_secs(30));
    Some(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rated {
    Thanks,
    Conflict,
    Failed,
}

#[component]
fn RatingForm(access: StoredValue<TrackRequest>) -> impl IntoView {
    let i18n = use_i18n();
    let score = RwSignal::new(None::<u8>);
    let comment = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let outcome = RwSignal::new(None::<Rated>);
    let sending = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(chosen) = score.get_untracked() else {
            errors.set(vec![FieldError { field: "score".into(), problem: FieldProblem::Missing }]);
            return;
        };
        if sending.get_untracked() {
            return;
        }
        errors.set(Vec::new());
        sending.set(true);
        let request =
            AppealRatingRequest { access: access.get_value(), score: chosen, comment: comment.get_untracked() };
        leptos::task::spawn_local(async move {
            let result = calls::rate(&request).await;
            if sending.is_disposed() {
                return;
            }
            sending.set(false);
            match result {
                Ok(()) => outcome.set(Some(Rated::Thanks)),
                Err(FetchError::Invalid(found)) => errors.set(found),
                Err(FetchError::Server(ErrorCode::Conflict)) => outcome.set(Some(Rated::Conflict)),
                Err(_) => outcome.set(Some(Rated::Failed)),
            }
        });
    };
    view! {
        <section aria-labelledby="rating-heading">
            <h2 id="rating-heading">{t!(i18n, appeals.rate_title)}</h2>
            {move || match outcome.get() {
                Some(Rated::Thanks) => {
                    view! {
                        <p class="panel-success" role="status">
                            {t!(i18n, rate.thanks)}
                        </p>
                    }
                        .into_any()
                }
                Some(Rated::Conflict) => {
                    view! {
                        <p class="status-error" role="alert">
                            {t!(i18n, appeals.rate_conflict)}
                        </p>
                    }
                        .into_any()
                }
                other => {
                    view! {
                        <p>{t!(i18n, appeals.rate_intro)}</p>
                        {(other == Some(Rated::Failed))
                            .then(|| {
                                view! {
                                    <p class="status-error" role="alert">
                                        {t!(i18n, error_network)}
                                    </p>
                                }
                            })}
                        <ErrorSummary errors />
                        <form novalidate on:submit=submit>
                            <ScoreField score errors />
                            <div class="field">
                                <label for="field-comment">{t!(i18n, rate.comment)}</label>
                                <p class="hint" id="field-comment-hint">
                                    {t!(i18n, appeals.rate_comment_hint)}
                                </p>
                                <textarea
                                    id="field-comment"
                                    rows="4"
                                    maxlength="1000"
                                    aria-describedby="field-comment-hint"
                                    prop:value=move || comment.get()
                                    on:input:target=move |ev| comment.set(ev.target().value())
                                ></textarea>
                            </div>
                            <button type="submit" class="button" aria-disabled=move || sending.get().then_some("true")>
                                {t!(i18n, rate.send)}
                            </button>
                        </form>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}
