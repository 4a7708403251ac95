//! The moves a staff member can make on a case, as forms: register and assign, reject with a
//! reason, redirect to another body (moderators, on new questions); answer (executors, on
//! registered ones); publish with a redacted public copy, or return for rework (moderators and
//! heads, on answered ones). Each move reloads the case and says what happened.

use crate::client::{self, FetchError};
use crate::components::error_summary::{ErrorSummary, FieldMessage, described_by, has_error};
use crate::components::status_name::shown_date;
use crate::i18n::*;
use crate::lang::use_lang;
use crate::office::client as office;
use crate::office::use_session;
use api::appeals::{AppealFile, MAX_FILE_BYTES, MAX_FILES, Outcome};
use api::cases::CaseId;
use api::cases::CaseStatus;
use api::domain::personal_data;
use api::domain::{FieldError, FieldProblem};
use api::office::{
    AnswerRequest, CaseDetail, ExtendRequest, LeaveRequest, PublishRequest, RedirectRequest, RegisterRequest,
    RejectReason, RejectRequest, ReturnRequest, UserId,
};
use api::staff::Role;
use api::{Body, BodySlug, CategoryId, DepartmentId, ErrorCode};
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;

pub const REASONS: [RejectReason; 5] = [
    RejectReason::Spam,
    RejectReason::Offensive,
    RejectReason::OffTopic,
    RejectReason::Duplicate,
    RejectReason::NotAQuestion,
];

/// Today in Astana (UTC+5), `YYYY-MM-DD`, to compare with the API's dates.
pub fn today() -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(js_sys::Date::now() + 5.0 * 3600.0 * 1000.0));
    format!("{}-{:02}-{:02}", date.get_utc_full_year(), date.get_utc_month() + 1, date.get_utc_date())
}

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
    /// A server field shown under another name, where two forms on the page share one field.
    rename: Option<(&'static str, &'static str)>,
}

impl Move {
    fn new() -> Move {
        Move {
            errors: RwSignal::new(Vec::new()),
            refusal: RwSignal::new(None),
            sending: RwSignal::new(false),
            i18n: use_i18n(),
            rename: None,
        }
    }

    /// Shows one field's problem found before sending.
    fn invalid(self, field: &str, problem: FieldProblem) {
        self.errors.set(vec![FieldError { field: field.into(), problem }]);
    }

    /// Runs the request; on success reloads the case with `done` as the message and moves focus
    /// to it, otherwise shows why, keeping what was typed.
    fn run(
        self,
        request: impl std::future::Future<Output = Result<(), FetchError>> + 'static,
        done: String,
        reload: Callback<String>,
    ) {
        self.send(
            Box::pin(request),
            Box::new(move |()| {
                reload.run(done);
                crate::a11y::focus_by_id("case-outcome");
            }),
        );
    }

    /// Runs the request and hands its result to `ok`; a refusal is shown on the form. Boxed, so
    /// one copy of this code serves every move.
    fn send<T: 'static>(self, request: Pin<Box<dyn Future<Output = Result<T, FetchError>>>>, ok: Box<dyn FnOnce(T)>) {
        if self.sending.get_untracked() {
            return;
        }
        self.sending.set(true);
        self.refusal.set(None);
        self.errors.set(Vec::new());
        leptos::task::spawn_local(async move {
            let result = request.await;
            if self.sending.is_disposed() {
                return;
            }
            self.sending.set(false);
            match result {
                Ok(value) => ok(value),
                Err(error) => self.refuse(error),
            }
        });
    }

    /// Shows why the server refused: on the fields, or in words.
    fn refuse(self, error: FetchError) {
        let i18n = self.i18n;
        match error {
            FetchError::Invalid(mut fields) => {
                if let Some((from, to)) = self.rename {
                    fields.iter_mut().filter(|f| f.field == from).for_each(|f| f.field = to.into());
                }
                self.errors.set(fields)
            }
            error => self.refusal.set(Some(match error {
                FetchError::Server(ErrorCode::Conflict) => t_string!(i18n, office.conflict),
                FetchError::Server(ErrorCode::Forbidden) | FetchError::Server(ErrorCode::CsrfFailed) => {
                    t_string!(i18n, office.forbidden)
                }
                FetchError::Server(ErrorCode::Unauthenticated) => t_string!(i18n, office.session_ended),
                FetchError::Network => t_string!(i18n, error_network),
                _ => t_string!(i18n, error_internal),
            })),
        }
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
    let appeal = detail.appeal.is_some();
    let moderator = session.may(&slug, &[Role::Moderator]);
    let approver = session.may(&slug, &[Role::Moderator, Role::Head]);
    let executor = session.may(&slug, &[Role::Executor]);
    let head = session.may(&slug, &[Role::Head]);
    let received = status == CaseStatus::Received;
    let open = matches!(status, CaseStatus::Received | CaseStatus::Assigned);
    let d = move || detail.clone();
    view! {
        {(received && moderator)
            .then(|| {
                view! {
                    <RegisterForm detail=d() body=body.clone() reload />
                    {(!appeal).then(|| view! { <RejectForm detail=d() reload /> })}
                    <RedirectForm detail=d() body=body.clone() reload />
                }
            })}
        {(status == CaseStatus::Assigned && executor).then(|| view! { <AnswerForm detail=d() reload /> })}
        {(status == CaseStatus::Answered && approver)
            .then(|| {
                view! {
                    <PublishForm detail=d() reload />
                    <ReturnForm detail=d() reload />
                }
            })}
        {(appeal && open && approver).then(|| view! { <LeaveForm detail=d() reload /> })}
        {(appeal && head && (open || status == CaseStatus::Answered))
            .then(|| view! { <ExtendForm detail=d() reload /> })}
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
    let appeal = detail.appeal.is_some();
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
        let done = if appeal {
            t_string!(i18n, office.appeal_registered_done)
        } else {
            t_string!(i18n, office.registered_done)
        }
        .to_owned();
        m.run(async move { office::register(id, &request, &csrf).await.map(drop) }, done, reload);
    };
    let appeal_warned = detail.appeal.as_ref().is_some_and(|a| a.earlier_executor.is_some());
    // The executor of the earlier appeal may not take this one (the server refuses them).
    let earlier_executor = detail.appeal.as_ref().and_then(|a| a.earlier_executor.as_ref()).map(|e| {
        view! {
            <p class="warning" id="field-executor_id-earlier">
                {t!(i18n, office.earlier_executor_warning)}
                " "
                <strong>{e.name.clone()}</strong>
            </p>
        }
    });
    let suggested = detail
        .case
        .suggested_category
        .and_then(|id| body.categories.iter().find(|c| c.id == id))
        .map(|c| c.name.get(lang.get_untracked()).to_owned());
    view! {
        <section class="action" aria-labelledby="register-heading">
            <h2 id="register-heading">{t!(i18n, office.register_title)}</h2>
            <p>
                {if appeal {
                    t_string!(i18n, office.appeal_register_intro)
                } else {
                    t_string!(i18n, office.register_intro)
                }}
            </p>
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
                    {earlier_executor}
                    <FieldMessage field="executor_id" errors=m.errors />
                    <select
                        id="field-executor_id"
                        aria-describedby=move || {
                            let ids = described_by("executor_id", m.errors, &["hint"])();
                            if appeal_warned { format!("{ids} field-executor_id-earlier") } else { ids }
                        }
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
    let appeal = detail.appeal.is_some();
    // The law's three working days to redirect an appeal; after them it is still allowed, and noted as late.
    let redirect_by = detail.appeal.as_ref().map(|a| {
        let late = today() > a.redirect_by;
        view! {
            <p class=late
                .then_some(
                    "warning",
                )>
                {t!(i18n, office.redirect_by)} " " <strong>{shown_date(&a.redirect_by)}</strong>
                {late
                    .then(|| {
                        view! {
                            " "
                            {t!(i18n, office.redirect_late)}
                        }
                    })}
            </p>
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(slug) = BodySlug::parse(&target.get_untracked()) else {
            m.errors.set(vec![FieldError { field: "body".into(), problem: FieldProblem::Missing }]);
            return;
        };
        m.errors.set(Vec::new());
        let csrf = session.csrf();
        let done = if appeal {
            t_string!(i18n, office.appeal_redirected_done)
        } else {
            t_string!(i18n, office.redirected_done)
        }
        .to_owned();
        m.run(async move { office::redirect(id, &RedirectRequest { body: slug }, &csrf).await }, done, reload);
    };
    view! {
        <section class="action" aria-labelledby="redirect-heading">
            <h2 id="redirect-heading">{t!(i18n, office.redirect_title)}</h2>
            <p>
                {if appeal {
                    t_string!(i18n, office.appeal_redirect_intro)
                } else {
                    t_string!(i18n, office.redirect_intro)
                }}
            </p>
            {redirect_by}
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

/// The outcomes an executor chooses; leaving without consideration is a move of its own.
const OUTCOMES: [Outcome; 3] = [Outcome::Satisfied, Outcome::Explained, Outcome::Refused];

pub fn outcome_name(i18n: leptos_i18n::I18nContext<Locale>, outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Satisfied => t_string!(i18n, office.outcome_satisfied),
        Outcome::Explained => t_string!(i18n, office.outcome_explained),
        Outcome::Refused => t_string!(i18n, office.outcome_refused),
        Outcome::LeftWithoutConsideration => t_string!(i18n, office.outcome_left),
    }
}

#[component]
fn AnswerForm(detail: CaseDetail, reload: Callback<String>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let m = Move::new();
    // A returned answer comes back as its draft.
    let text = RwSignal::new(detail.answer_html.as_deref().map(api::answer_text::from_html).unwrap_or_default());
    let appeal = detail.appeal.as_ref();
    let outcome = RwSignal::new(appeal.and_then(|a| a.outcome));
    let files = appeal.map(|a| a.files.iter().filter(|f| f.from_body).cloned().collect::<Vec<_>>());
    let is_appeal = appeal.is_some();
    let id = detail.case.id;
    let lang = detail.case.lang;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if text.get_untracked().trim().is_empty() {
            m.invalid("answer_html", FieldProblem::Missing);
            return;
        }
        if is_appeal && outcome.get_untracked().is_none() {
            m.invalid("outcome", FieldProblem::Missing);
            return;
        }
        m.errors.set(Vec::new());
        let request = AnswerRequest {
            answer_html: api::answer_text::to_html(&text.get_untracked()),
            outcome: outcome.get_untracked(),
        };
        let csrf = session.csrf();
        let done = t_string!(i18n, office.answered_done).to_owned();
        m.run(async move { office::answer(id, &request, &csrf).await }, done, reload);
    };
    let outcomes = is_appeal.then(|| {
        view! {
            <fieldset class="field" class:field-invalid=has_error("outcome", m.errors)>
                <legend>{t!(i18n, office.outcome)}</legend>
                <FieldMessage field="outcome" errors=m.errors />
                <div class="choices choices-stacked" id="field-outcome" tabindex="-1">
                    {OUTCOMES
                        .into_iter()
                        .map(|o| {
                            let input_id = format!("field-outcome-{}", o.as_str());
                            view! {
                                <div class="choice">
                                    <input
                                        type="radio"
                                        name="outcome"
                                        id=input_id.clone()
                                        prop:checked=move || outcome.get() == Some(o)
                                        on:change=move |_| outcome.set(Some(o))
                                    />
                                    <label for=input_id>{move || outcome_name(i18n, o)}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
        }
    });
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
                {outcomes}
                <button type="submit" class="button" aria-disabled=move || m.sending.get().then_some("true")>
                    {t!(i18n, office.send_for_approval)}
                </button>
            </form>
            {files.map(|files| view! { <DecisionFiles id files /> })}
        </section>
    }
}

/// The body's files for its decision: attached one by one, each at once, so the answer being
/// typed stays as it is.
#[component]
fn DecisionFiles(id: CaseId, files: Vec<AppealFile>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let m = Move::new();
    let files = RwSignal::new(files);
    let input = NodeRef::<leptos::html::Input>::new();
    let attached = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        attached.set(None);
        let Some(file) = input.get_untracked().and_then(|i| i.files()).and_then(|list| list.get(0)) else {
            m.invalid("file", FieldProblem::Missing);
            return;
        };
        let name = file.name().to_lowercase();
        // Hints only: the server decides by the content.
        if !FILE_ENDINGS.iter().any(|e| name.ends_with(e)) {
            m.invalid("file", FieldProblem::FileType);
            return;
        }
        if file.size() > MAX_FILE_BYTES as f64 {
            m.invalid("file", FieldProblem::TooLarge);
            return;
        }
        if files.with_untracked(Vec::len) >= MAX_FILES {
            m.invalid("file", FieldProblem::TooMany);
            return;
        }
        let csrf = session.csrf();
        m.send(
            Box::pin(async move { office::attach(id, &file, &csrf).await }),
            Box::new(move |stored: AppealFile| {
                attached.set(Some(format!("{} {}", t_string!(i18n, office.file_attached), stored.name)));
                files.update(|f| f.push(stored));
                if let Some(input) = input.get_untracked() {
                    input.set_value("");
                }
                crate::a11y::focus_by_id("files-outcome");
            }),
        );
    };
    view! {
        <section aria-labelledby="files-heading">
            <h3 id="files-heading">{t!(i18n, office.decision_files)}</h3>
            <div id="files-outcome" tabindex="-1" role="status">
                {move || attached.get()}
            </div>
            <FileList files=Signal::derive(move || files.get()) />
            <ErrorSummary errors=m.errors />
            <Refusal refusal=m.refusal />
            <form novalidate on:submit=submit>
                <div class="field" class:field-invalid=has_error("file", m.errors)>
                    <label for="field-file">{t!(i18n, office.file)}</label>
                    <p class="hint" id="field-file-hint">
                        {t!(i18n, office.file_hint)}
                    </p>
                    <FieldMessage field="file" errors=m.errors />
                    <input
                        id="field-file"
                        type="file"
                        node_ref=input
                        accept=".pdf,.jpg,.jpeg,.png,.docx"
                        aria-describedby=described_by("file", m.errors, &["hint"])
                    />
                </div>
                <button
                    type="submit"
                    class="button button-secondary"
                    aria-disabled=move || m.sending.get().then_some("true")
                >
                    {t!(i18n, office.attach)}
                </button>
            </form>
        </section>
    }
}

/// The name endings of the accepted kinds of file.
const FILE_ENDINGS: [&str; 5] = [".pdf", ".jpg", ".jpeg", ".png", ".docx"];

/// Files as download links, with their kind and size.
#[component]
pub fn FileList(#[prop(into)] files: Signal<Vec<AppealFile>>) -> impl IntoView {
    move || {
        let files = files.get();
        (!files.is_empty()).then(|| {
            view! {
                <ul class="plain-list">
                    {files
                        .into_iter()
                        .map(|f| {
                            let kb = (f.size + 1023) / 1024;
                            let size = format!(
                                " ({}, {}.{} MB)",
                                f.kind.as_str().to_uppercase(),
                                kb / 1024,
                                kb % 1024 * 10 / 1024,
                            );
                            let download = f.name.clone();
                            // Whole numbers only: float formatting would add kilobytes to the download.
                            view! {
                                <li>
                                    <a href=office::file_href(f.id) download=download>
                                        {f.name}
                                    </a>
                                    {size}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
        })
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
    // An appeal is never published: approving sends the decision to the applicant.
    let appeal = detail.appeal.is_some();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !appeal && public_text.get_untracked().trim().is_empty() {
            m.invalid("public_text", FieldProblem::Missing);
            return;
        }
        m.errors.set(Vec::new());
        let request = PublishRequest { public_text: (!appeal).then(|| public_text.get_untracked()) };
        let csrf = session.csrf();
        let done = if appeal { t_string!(i18n, office.sent_done) } else { t_string!(i18n, office.published_done) };
        m.run(async move { office::publish(id, &request, &csrf).await }, done.to_owned(), reload);
    };
    let public_copy = (!appeal).then(|| {
        view! {
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
        }
    });
    view! {
        <section class="action" aria-labelledby="publish-heading">
            <h2 id="publish-heading">
                {if appeal { t_string!(i18n, office.send_title) } else { t_string!(i18n, office.publish_title) }}
            </h2>
            <ErrorSummary errors=m.errors />
            <Refusal refusal=m.refusal />
            <form novalidate on:submit=submit>
                {public_copy}
                <button type="submit" class="button" aria-disabled=move || m.sending.get().then_some("true")>
                    {if appeal { t_string!(i18n, office.send) } else { t_string!(i18n, office.publish) }}
                </button>
            </form>
        </section>
    }
}

/// One labelled field of a move's form: a date, or a text of up to 1,000 characters.
#[component]
fn Field(
    field: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] date: bool,
    #[prop(optional, into)] max: Option<String>,
) -> impl IntoView {
    let id = crate::components::error_summary::field_id(field);
    let parts: &'static [&'static str] = if hint.is_some() { &["hint"] } else { &[] };
    let hint = hint.map(|text| {
        view! {
            <p class="hint" id=format!("{id}-hint")>
                {text}
            </p>
        }
    });
    let input = if date {
        view! {
            <input
                id=id.clone()
                type="date"
                max=max
                aria-describedby=described_by(field, errors, parts)
                prop:value=move || value.get()
                on:input:target=move |ev| value.set(ev.target().value())
            />
        }
        .into_any()
    } else {
        view! {
            <textarea
                id=id.clone()
                rows="4"
                maxlength="1000"
                aria-describedby=described_by(field, errors, parts)
                prop:value=move || value.get()
                on:input:target=move |ev| value.set(ev.target().value())
            ></textarea>
        }
        .into_any()
    };
    view! {
        <div class="field" class:field-invalid=has_error(field, errors)>
            <label for=id>{label}</label>
            {hint}
            <FieldMessage field errors />
            {input}
        </div>
    }
}

/// Leaves an appeal without consideration (moderators and heads), with the reason the applicant reads.
#[component]
fn LeaveForm(detail: CaseDetail, reload: Callback<String>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let m = Move::new();
    let reason = RwSignal::new(String::new());
    let id = detail.case.id;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if reason.get_untracked().trim().is_empty() {
            m.invalid("reason", FieldProblem::Missing);
            return;
        }
        let request = LeaveRequest { reason: reason.get_untracked().trim().to_owned() };
        let csrf = session.csrf();
        let done = t_string!(i18n, office.left_done).to_owned();
        m.run(async move { office::leave(id, &request, &csrf).await }, done, reload);
    };
    view! {
        <section class="action" aria-labelledby="leave-heading">
            <h2 id="leave-heading">{t!(i18n, office.leave_title)}</h2>
            <p>{t!(i18n, office.leave_intro)}</p>
            <ErrorSummary errors=m.errors />
            <Refusal refusal=m.refusal />
            <form novalidate on:submit=submit>
                <Field field="reason" label=t_string!(i18n, office.reason) value=reason errors=m.errors />
                <button
                    type="submit"
                    class="button button-warning"
                    aria-disabled=move || m.sending.get().then_some("true")
                >
                    {t!(i18n, office.leave)}
                </button>
            </form>
        </section>
    }
}

/// The head extends an appeal's deadline, at most to two months from registration.
#[component]
fn ExtendForm(detail: CaseDetail, reload: Callback<String>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    // The leave form on the same page has its own "reason".
    let m = Move { rename: Some(("reason", "extend_reason")), ..Move::new() };
    let deadline = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let decided_on = RwSignal::new(String::new());
    let id = detail.case.id;
    let max = detail.appeal.as_ref().map(|a| a.max_deadline.clone()).unwrap_or_default();
    let shown_max = shown_date(&max);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if deadline.get_untracked().is_empty() {
            m.invalid("deadline", FieldProblem::Missing);
            return;
        }
        if reason.get_untracked().trim().is_empty() {
            m.invalid("extend_reason", FieldProblem::Missing);
            return;
        }
        let request = ExtendRequest {
            deadline: deadline.get_untracked(),
            reason: reason.get_untracked().trim().to_owned(),
            decided_on: Some(decided_on.get_untracked()).filter(|d| !d.is_empty()),
        };
        let done = format!("{} {}", t_string!(i18n, office.extended_done), shown_date(&request.deadline));
        let csrf = session.csrf();
        m.run(async move { office::extend(id, &request, &csrf).await.map(drop) }, done, reload);
    };
    view! {
        <section class="action" aria-labelledby="extend-heading">
            <h2 id="extend-heading">{t!(i18n, office.extend_title)}</h2>
            <p>{t!(i18n, office.extend_intro)} " " <strong>{shown_max.clone()}</strong></p>
            <ErrorSummary errors=m.errors />
            <Refusal refusal=m.refusal />
            <form novalidate on:submit=submit>
                <Field
                    field="deadline"
                    label=t_string!(i18n, office.new_deadline)
                    hint=format!("{} {shown_max}", t_string!(i18n, office.new_deadline_hint))
                    date=true
                    max=max
                    value=deadline
                    errors=m.errors
                />
                <Field field="extend_reason" label=t_string!(i18n, office.extend_reason) value=reason errors=m.errors />
                <Field
                    field="decided_on"
                    label=t_string!(i18n, office.decided_on)
                    hint=t_string!(i18n, office.decided_on_hint).to_owned()
                    date=true
                    value=decided_on
                    errors=m.errors
                />
                <button
                    type="submit"
                    class="button button-secondary"
                    aria-disabled=move || m.sending.get().then_some("true")
                >
                    {t!(i18n, office.extend)}
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
