//! The moves a staff member can make on a case, as forms: register and assign, reject with a
//! reason, redirect to another body (moderators, on new questions); answer (executors, on
//! registered ones); publish with a redacted public copy, or return for rework (moderators and
//! heads, on answered ones). Each move reloads the case and says what happened.

use crate::client::{self, FetchError};
use crate::components::error_summary::{ErrorSummary, FieldMessage, described_by, has_error};
use crate::i18n::*;
use crate::lang::use_lang;
use crate::office::client as office;
use crate::office::use_session;
use api::cases::CaseStatus;
use api::domain::personal_data;
use api::domain::{FieldError, FieldProblem};
use api::office::{
    AnswerRequest, CaseDetail, PublishRequest, RedirectRequest, RegisterRequest, RejectReason, RejectRequest,
    ReturnRequest, UserId,
};
use api::staff::Role;
use api::{Body, BodySlug, CategoryId, DepartmentId, ErrorCode};
use leptos::prelude::*;

pub const REASONS: [RejectReason; 5] = [
    RejectReason::Spam,
    RejectReason::Offensive,
    RejectReason::OffTopic,
    RejectReason::Duplicate,
    RejectReason::NotAQuestion,
];

pub fn reason_name(i18n: leptos_i18n::I18nContext<Locale>, reason: RejectReason) -> &'static str {
    match reason {
        RejectReason::Spam => t_string!(i18n, office.reason_spam),
        RejectReason::Offensive => t_string!(i18n, office.reason_offensive),
        RejectReason::OffTopic => t_string!(i18n, office.reason_off_topic),
        RejectReason::Duplicate => t_string!(i18n, office.reason_duplicate),
        RejectReason::NotAQuestion => t_string!(i18n, office.reason_not_a_question),
    }
}

/// The state every move's form shares: its field errors and a refusal from the server.
#[derive(Clone, Copy)]
struct Move {
    errors: RwSignal<Vec<FieldError>>,
    refusal: RwSignal<Option<&'static str>>,
    sending: RwSignal<bool>,
    i18n: leptos_i18n::I18nContext<Locale>,
}

impl Move {
    fn new() -> Move {
        Move {
            errors: RwSignal::new(Vec::new()),
            refusal: RwSignal::new(None),
            sending: RwSignal::new(false),
            i18n: use_i18n(),
        }
    }

    /// Runs the request; on success reloads the case with `done` as the message and moves focus
    /// to it, otherwise shows why, keeping what was typed.
    fn run<F>(self, request: F, done: String, reload: Callback<String>)
    where
        F: std::future::Future<Output = Result<(), FetchError>> + 'static,
    {
        if self.sending.get_untracked() {
            return;
        }
        self.sending.set(true);
        self.refusal.set(None);
        let i18n = self.i18n;
        leptos::task::spawn_local(async move {
            let result = request.await;
            if self.sending.is_disposed() {
                return;
            }
            self.sending.set(false);
            match result {
                Ok(()) => {
                    reload.run(done);
                    crate::a11y::focus_by_id("case-outcome");
                }
                Err(FetchError::Invalid(fields)) => self.errors.set(fields),
                Err(error) => self.refusal.set(Some(match error {
                    FetchError::Server(ErrorCode::Conflict) => t_string!(i18n, office.conflict),
                    FetchError::Server(ErrorCode::Forbidden) | FetchError::Server(ErrorCode::CsrfFailed) => {
                        t_string!(i18n, office.forbidden)
                    }
                    FetchError::Server(ErrorCode::Unauthenticated) => t_string!(i18n, office.session_ended),
                    FetchError::Network => t_string!(i18n, error_network),
                    _ => t_string!(i18n, error_internal),
                })),
            }
        });
    }
}

/// A refusal from the server, read out at once.
#[component]
fn Refusal(refusal: RwSignal<Option<&'static str>>) -> impl IntoView {
    move || {
        refusal.get().map(|text| {
            view! {
                <p class="status-error" role="alert">
                    {text}
                </p>
            }
        })
    }
}

#[component]
pub fn CaseActions(detail: CaseDetail, body: Body, reload: Callback<String>) -> impl IntoView {
    let session = use_session();
    let slug = detail.body.to_string();
    let status = detail.case.status;
    let moderator = session.may(&slug, &[Role::Moderator]);
    let approver = session.may(&slug, &[Role::Moderator, Role::Head]);
    let executor = session.may(&slug, &[Role::Executor]);
    match status {
        CaseStatus::Received if moderator => view! {
            <RegisterForm detail=detail.clone() body=body.clone() reload />
            <RejectForm detail=detail.clone() reload />
            <RedirectForm detail body reload />
        }
        .into_any(),
        CaseStatus::Assigned if executor => view! { <AnswerForm detail reload /> }.into_any(),
        CaseStatus::Answered if approver => view! {
            <PublishForm detail=detail.clone() reload />
            <ReturnForm detail reload />
        }
        .into_any(),
        _ => ().into_any(),
    }
}

#[component]
fn RegisterForm(detail: CaseDetail, body: Body, reload: Callback<String>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let session = use_session();
    let m = Move::new();
    let preset = detail.case.category.as_ref().map(|c| c.id).or(detail.case.suggested_category);
    let category = RwSignal::new(preset.map(|c| c.0.to_string()).unwrap_or_default());
    let department = RwSignal::new(String::new());
    let executor = RwSignal::new(String::new());
    let slug = detail.body.to_string();
    let executors = LocalResource::new(move || {
        let slug = slug.clone();
        async move { office::executors(&slug).await.unwrap_or_default() }
    });
    let id = detail.case.id;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if category.get_untracked().is_empty() {
            m.errors.set(vec![FieldError { field: "category_id".into(), problem: FieldProblem::Missing }]);
            return;
        }
        m.errors.set(Vec::new());
        let request = RegisterRequest {
            category_id: category.get_untracked().parse().ok().map(CategoryId),
            department_id: department.get_untracked().parse().ok().map(DepartmentId),
            executor_id: executor.get_untracked().parse().ok().map(UserId),
        };
        let csrf = session.csrf();
        let done = t_string!(i18n, office.registered_done).to_owned();
        m.run(async move { office::register(id, &request, &csrf).await.map(drop) }, done, reload);
    };
    let suggested = detail
        .case
        .suggested_category
        .and_then(|id| body.categories.iter().find(|c| c.id == id))
        .map(|c| c.name.get(lang.get_untracked()).to_owned());
    view! {
        <section class="action" aria-labelledby="register-heading">
            <h2 id="register-heading">{t!(i18n, office.register_title)}</h2>
            <p>{t!(i18n, office.register_intro)}</p>
            <ErrorSummary errors=m.errors />
            <Refusal refusal=m.refusal />
            <form novalidate on:submit=submit>
                <div class="field" class:field-invalid=has_error("category_id", m.errors)>
                    <label for="field-category_id">{t!(i18n, office.category)}</label>
                    {suggested
                        .map(|name| {
                            view! {
                                <p class="hint" id="field-category_id-hint">
                                    {t!(i18n, office.suggested)}
                                    " "
                                    {name}
                                </p>
                            }
                        })}
                    <FieldMessage field="category_id" errors=m.errors />
                    <select
                        id="field-category_id"
                        aria-describedby=described_by("category_id", m.errors, &["hint"])
                        on:change:target=move |ev| category.set(ev.target().value())
                    >
                        <option value="">{t!(i18n, office.choose)}</option>
                        {body
                            .categories
                            .iter()
                            .map(|c| {
                                view! {
                                    <option value=c.id.0.to_string() selected=preset == Some(c.id)>
                                        {c.name.get(lang.get_untracked()).to_owned()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field" class:field-invalid=has_error("department_id", m.errors)>
                    <label for="field-department_id">{t!(i18n, office.department)}</label>
                    <FieldMessage field="department_id" errors=m.errors />
                    <select
                        id="field-department_id"
                        aria-describedby=described_by("department_id", m.errors, &[])
                        on:change:target=move |ev| {
                            department.set(ev.target().value());
                            executor.set(String::new());
                        }
                    >
                        <option value="">{t!(i18n, office.not_chosen)}</option>
                        {body
                            .departments
                            .iter()
                            .map(|d| {
                                view! {
                                    <option value=d
                                        .id
                                        .0
                                        .to_string()>{d.name.get(lang.get_untracked()).to_owned()}</option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field" class:field-invalid=has_error("executor_id", m.errors)>
                    <label for="field-executor_id">{t!(i18n, office.executor)}</label>
                    <p class="hint" id="field-executor_id-hint">
                        {t!(i18n, office.executor_hint)}
                    </p>
                    <FieldMessage field="executor_id" errors=m.errors />
                    <select
                        id="field-executor_id"
                        aria-describedby=described_by("executor_id", m.errors, &["hint"])
                        prop:value=move || executor.get()
                        on:change:target=move |ev| executor.set(ev.target().value())
                    >
                        <option value="">{t!(i18n, office.not_chosen)}</option>
                        {move || {
                            let chosen: Option<i64> = department.get().parse().ok();
                            executors
                                .get()
                                .unwrap_or_default()
                                .into_iter()
                                .filter(|e| chosen.is_none() || e.department_id.map(|d| d.0) == chosen)
                                .map(|e| view! { <option value=e.id.0.to_string()>{e.name}</option> })
                                .collect_view()
                        }}
                    </select>
                </div>
                <button type="submit" class="button" aria-disabled=move || m.sending.get().then_some("true")>
                    {t!(i18n, office.register)}
                </button>
            </form>
        </section>
    }
}

#[component]
fn RejectForm(detail: CaseDetail, reload: Callback<String>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let m = Move::new();
    let reason = RwSignal::new(None::<RejectReason>);
    let duplicate_of = RwSignal::new(String::new());
    let id = detail.case.id;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(chosen) = reason.get_untracked() else {
            m.errors.set(vec![FieldError { field: "reason".into(), problem: FieldProblem::Missing }]);
            return;
        };
        // The existing answer's number or address: its last run of digits is the id.
        let duplicate = duplicate_of
            .get_untracked()
            .rsplit(|c: char| !c.is_ascii_digit())
            .find(|part| !part.is_empty())
            .and_then(|digits| digits.parse().ok())
            .map(api::cases::CaseId);
        if chosen == RejectReason::Duplicate && duplicate.is_none() {
            m.errors.set(vec![FieldError { field: "duplicate_of".into(), problem: FieldProblem::Missing }]);
            return;
        }
        m.errors.set(Vec::new());
        let request =
            RejectRequest { reason: chosen, duplicate_of: duplicate.filter(|_| chosen == RejectReason::Duplicate) };
        let csrf = session.csrf();
        let done = t_string!(i18n, office.rejected_done).to_owned();
        m.run(async move { office::reject(id, &request, &csrf).await }, done, reload);
    };
    view! {
        <section class="action" aria-labelledby="reject-heading">
            <h2 id="reject-heading">{t!(i18n, office.reject_title)}</h2>
            <p>{t!(i18n, office.reject_intro)}</p>
            <ErrorSummary errors=m.errors />
            <Refusal refusal=m.refusal />
            <form novalidate on:submit=submit>
                <fieldset class="field" class:field-invalid=has_error("reason", m.errors)>
                    <legend>{t!(i18n, office.reason)}</legend>
                    <FieldMessage field="reason" errors=m.errors />
                    <div class="choices choices-stacked" id="field-reason" tabindex="-1">
                        {REASONS
                            .into_iter()
                            .map(|r| {
                                let input_id = format!("field-reason-{}", r.as_str());
                                view! {
                                    <div class="choice">
                                        <input
                                            type="radio"
                                            name="reason"
                                            id=input_id.clone()
                                            prop:checked=move || reason.get() == Some(r)
                                            on:change=move |_| reason.set(Some(r))
                                        />
                                        <label for=input_id>{move || reason_name(i18n, r)}</label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </div>
                </fieldset>
                <Show when=move || reason.get() == Some(RejectReason::Duplicate)>
                    <div class="field" class:field-invalid=has_error("duplicate_of", m.errors)>
                        <label for="field-duplicate_of">{t!(i18n, office.duplicate_of)}</label>
                        <p class="hint" id="field-duplicate_of-hint">
                            {t!(i18n, office.duplicate_hint)}
                        </p>
                        <FieldMessage field="duplicate_of" errors=m.errors />
                        <input
                            id="field-duplicate_of"
                            type="text"
                            inputmode="url"
                            aria-describedby=described_by("duplicate_of", m.errors, &["hint"])
                            prop:value=move || duplicate_of.get()
                            on:input:target=move |ev| duplicate_of.set(ev.target().value())
                        />
                    </div>
                </Show>
                <button
                    type="submit"
                    class="button button-warning"
                    aria-disabled=move || m.sending.get().then_some("true")
                >
                    {t!(i18n, office.reject)}
                </button>
            </form>
        </section>
    }
}

#[component]
fn RedirectForm(detail: CaseDetail, body: Body, reload: Callback<String>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let session = use_session();
    let m = Move::new();
    let target = RwSignal::new(String::new());
    let bodies = LocalResource::new(client::bodies);
    let id = detail.case.id;
    let here = body.slug.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(slug) = BodySlug::parse(&target.get_untracked()) else {
            m.errors.set(vec![FieldError { field: "body".into(), problem: FieldProblem::Missing }]);
            return;
        };
        m.errors.set(Vec::new());
        let csrf = session.csrf();
        let done = t_string!(i18n, office.redirected_done).to_owned();
        m.run(async move { office::redirect(id, &RedirectRequest { body: slug }, &csrf).await }, done, reload);
    };
    view! {
        <section class="action" aria-labelledby="redirect-heading">
            <h2 id="redirect-heading">{t!(i18n, office.redirect_title)}</h2>
            <p>{t!(i18n, office.redirect_intro)}</p>
            <ErrorSummary errors=m.errors />
            <Refusal refusal=m.refusal />
            <form novalidate on:submit=submit>
                <div class="field" class:field-invalid=has_error("body", m.errors)>
                    <label for="field-body">{t!(i18n, office.competent_body)}</label>
                    <FieldMessage field="body" errors=m.errors />
                    <select
                        id="field-body"
                        aria-describedby=described_by("body", m.errors, &[])
                        on:change:target=move |ev| target.set(ev.target().value())
                    >
                        <option value="">{t!(i18n, office.choose)}</option>
                        {move || {
                            let here = here.clone();
                            bodies
                                .get()
                                .and_then(Result::ok)
                                .unwrap_or_default()
                                .into_iter()
                                .filter(move |b| b.slug != here)
                                .map(|b| {
                                    view! {
                                        <option value=b
                                            .slug
                                            .to_string()>{b.name.get(lang.get_untracked()).to_owned()}</option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                <button
                    type="submit"
                    class="button button-secondary"
                    aria-disabled=move || m.sending.get().then_some("true")
                >
                    {t!(i18n, office.redirect)}
                </button>
            </form>
        </section>
    }
}

#[component]
fn AnswerForm(detail: CaseDetail, reload: Callback<String>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let m = Move::new();
    // A returned answer comes back as its draft.
    let text = RwSignal::new(detail.answer_html.as_deref().map(api::answer_text::from_html).unwrap_or_default());
    let id = detail.case.id;
    let lang = detail.case.lang;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if text.get_untracked().trim().is_empty() {
            m.errors.set(vec![FieldError { field: "answer_html".into(), problem: FieldProblem::Missing }]);
            return;
        }
        m.errors.set(Vec::new());
        let request = AnswerRequest { answer_html: api::answer_text::to_html(&text.get_untracked()), outcome: None };
        let csrf = session.csrf();
        let done = t_string!(i18n, office.answered_done).to_owned();
        m.run(async move { office::answer(id, &request, &csrf).await }, done, reload);
    };
    view! {
        <section class="action" aria-labelledby="answer-heading">
            <h2 id="answer-heading">{t!(i18n, office.answer_title)}</h2>
            <ErrorSummary errors=m.errors />
            <Refusal refusal=m.refusal />
            <form novalidate on:submit=submit>
                <div class="field" class:field-invalid=has_error("answer_html", m.errors)>
                    <label for="field-answer_html">{t!(i18n, office.answer)}</label>
                    <p class="hint" id="field-answer_html-hint">
                        {t!(i18n, office.answer_hint)}
                    </p>
                    <FieldMessage field="answer_html" errors=m.errors />
                    <textarea
                        id="field-answer_html"
                        rows="14"
                        lang=lang.code()
                        aria-describedby=described_by("answer_html", m.errors, &["hint"])
                        prop:value=move || text.get()
                        on:input:target=move |ev| text.set(ev.target().value())
                    ></textarea>
                </div>
                <button type="submit" class="button" aria-disabled=move || m.sending.get().then_some("true")>
                    {t!(i18n, office.send_for_approval)}
                </button>
            </form>
        </section>
    }
}

#[component]
fn PublishForm(detail: CaseDetail, reload: Callback<String>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let m = Move::new();
    // Personal data is masked in the public copy from the start; the moderator can edit further.
    let public_text = RwSignal::new(personal_data::redact(&detail.case.text, "***"));
    let id = detail.case.id;
    let lang = detail.case.lang;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if public_text.get_untracked().trim().is_empty() {
            m.errors.set(vec![FieldError { field: "public_text".into(), problem: FieldProblem::Missing }]);
            return;
        }
        m.errors.set(Vec::new());
        let request = PublishRequest { public_text: Some(public_text.get_untracked()) };
        let csrf = session.csrf();
        let done = t_string!(i18n, office.published_done).to_owned();
        m.run(async move { office::publish(id, &request, &csrf).await }, done, reload);
    };
    view! {
        <section class="action" aria-labelledby="publish-heading">
            <h2 id="publish-heading">{t!(i18n, office.publish_title)}</h2>
            <ErrorSummary errors=m.errors />
            <Refusal refusal=m.refusal />
            <form novalidate on:submit=submit>
                <div class="field" class:field-invalid=has_error("public_text", m.errors)>
                    <label for="field-public_text">{t!(i18n, office.public_copy)}</label>
                    <p class="hint" id="field-public_text-hint">
                        {t!(i18n, office.public_copy_hint)}
                    </p>
                    <FieldMessage field="public_text" errors=m.errors />
                    <textarea
                        id="field-public_text"
                        rows="8"
                        lang=lang.code()
                        aria-describedby=described_by("public_text", m.errors, &["hint"])
                        prop:value=move || public_text.get()
                        on:input:target=move |ev| public_text.set(ev.target().value())
                    ></textarea>
                </div>
                <button type="submit" class="button" aria-disabled=move || m.sending.get().then_some("true")>
                    {t!(i18n, office.publish)}
                </button>
            </form>
        </section>
    }
}

#[component]
fn ReturnForm(detail: CaseDetail, reload: Callback<String>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let m = Move::new();
    let note = RwSignal::new(String::new());
    let id = detail.case.id;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if note.get_untracked().trim().is_empty() {
            m.errors.set(vec![FieldError { field: "note".into(), problem: FieldProblem::Missing }]);
            return;
        }
        m.errors.set(Vec::new());
        let request = ReturnRequest { note: note.get_untracked().trim().to_owned() };
        let csrf = session.csrf();
        let done = t_string!(i18n, office.returned_done).to_owned();
        m.run(async move { office::send_back(id, &request, &csrf).await }, done, reload);
    };
    view! {
        <section class="action" aria-labelledby="return-heading">
            <h2 id="return-heading">{t!(i18n, office.return_title)}</h2>
            <ErrorSummary errors=m.errors />
            <Refusal refusal=m.refusal />
            <form novalidate on:submit=submit>
                <div class="field" class:field-invalid=has_error("note", m.errors)>
                    <label for="field-note">{t!(i18n, office.return_note)}</label>
                    <FieldMessage field="note" errors=m.errors />
                    <textarea
                        id="field-note"
                        rows="4"
                        maxlength="1000"
                        aria-describedby=described_by("note", m.errors, &[])
                        prop:value=move || note.get()
                        on:input:target=move |ev| note.set(ev.target().value())
                    ></textarea>
                </div>
                <button
                    type="submit"
                    class="button button-secondary"
                    aria-disabled=move || m.sending.get().then_some("true")
                >
                    {t!(i18n, office.return_to_executor)}
                </button>
            </form>
        </section>
    }
}
