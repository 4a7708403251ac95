//! The office: staff moves on cases. Every endpoint needs a signed-in staff member with the
//! right role in the case's body (administrators of the body pass every check), and a CSRF token
//! for changes.

use crate::auth::Staff;
use crate::error::{ApiJson, AppError};
use crate::store::cases::Actor;
use crate::store::workflow::{self, Assignment, MoveError, OfficeView, QueueFilter, kazakhstan_date};
use crate::store::{bodies, calendar, staff as accounts};
use crate::{AppState, rich_text};
use api::cases::{CaseId, CaseStatus, Channel};
use api::domain::{FieldError, FieldProblem};
use api::office::{
    AnswerRequest, CaseDetail, Executor, OfficeCase, PublishRequest, RedirectRequest, RegisterRequest, Registered,
    RejectRequest, ReturnRequest,
};
use api::staff::Role;
use api::{ApiError, BodySlug, CategoryId, ErrorCode, Lang};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use chrono::Utc;
use serde::Deserialize;

/// The most cases one queue answer holds.
const QUEUE_LIMIT: i64 = 200;
/// The longest note a moderator may send back with an answer.
const MAX_RETURN_NOTE_CHARS: usize = 1000;

impl From<MoveError> for AppError {
    fn from(error: MoveError) -> Self {
        match error {
            MoveError::NotFound => AppError::new(ErrorCode::NotFound, "No case has this id."),
            MoveError::WrongStatus(status) => {
                AppError::new(ErrorCode::Conflict, format!("The case is {} now; reload it.", status.as_str()))
            }
            MoveError::Invalid(fields) => AppError::invalid_fields(fields),
            MoveError::NotForAppeals => {
                AppError::new(ErrorCode::InvalidInput, "An appeal cannot be rejected; leave it without consideration.")
            }
            MoveError::NotForQuestions => AppError::new(ErrorCode::InvalidInput, "This move is for appeals only."),
            MoveError::Db(e) => e.into(),
        }
    }
}

/// Loads the case's body and checks the staff member's role in it; unknown cases are 404
/// for everyone, so ids cannot be probed.
pub(crate) async fn authorize(state: &AppState, staff: &Staff, id: &str, roles: &[Role]) -> Result<CaseId, AppError> {
    let not_found = || AppError::new(ErrorCode::NotFound, "No case has this id.");
    let case = CaseId(id.parse().map_err(|_| not_found())?);
    let body = workflow::body_of(&state.db, case).await?.ok_or_else(not_found)?;
    staff.require(body, roles)?;
    Ok(case)
}

pub(crate) fn field_error(field: &str, problem: FieldProblem) -> AppError {
    AppError::invalid_fields(vec![FieldError { field: field.into(), problem }])
}

/// The internal id of the body `slug`, after checking the staff member's role in it.
pub(crate) async fn authorize_body(
    state: &AppState,
    staff: &Staff,
    slug: &str,
    roles: &[Role],
) -> Result<i64, AppError> {
    let not_found = || AppError::new(ErrorCode::BodyNotFound, "No body has this slug.");
    let slug = BodySlug::parse(slug).map_err(|_| not_found())?;
    let body = bodies::id_of(&state.db, &slug).await?.ok_or_else(not_found)?;
    staff.require(body, roles)?;
    Ok(body)
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QueueParams {
    /// `received` (the moderation queue, the default), `assigned`, `answered`, `published`,
    /// `rejected`, `closed` or `left_without_consideration`.
    status: Option<String>,
    /// Only cases of this category (its id).
    category: Option<String>,
    /// Only cases in this language: `kk`, `ru` or `en`.
    lang: Option<String>,
    /// `true`: only registered cases past their deadline: assigned or answered (none in other statuses).
    overdue: Option<String>,
    /// `true`: only my cases as an executor, assigned to me or to nobody in my department.
    mine: Option<String>,
    /// Only `appeal`s or only `question`s.
    channel: Option<String>,
}

impl QueueParams {
    /// The filter, or `None` when nothing can pass it (late, yet waiting for moderation).
    fn filter(&self, staff: &Staff, today: chrono::NaiveDate) -> Result<Option<QueueFilter>, AppError> {
        let status = match self.status.as_deref() {
            None => None,
            Some(raw) => Some(
                CaseStatus::parse(raw)
                    .filter(|s| {
                        matches!(
                            s,
                            CaseStatus::Received
                                | CaseStatus::Assigned
                                | CaseStatus::Answered
                                | CaseStatus::Published
                                | CaseStatus::Rejected
                                | CaseStatus::Closed
                                | CaseStatus::LeftWithoutConsideration
                        )
                    })
                    .ok_or_else(|| field_error("status", FieldProblem::UnknownChoice))?,
            ),
        };
        let overdue = flag(self.overdue.as_deref(), "overdue")?;
        let statuses = match (overdue, status) {
            (false, status) => {
                let status = status.unwrap_or(CaseStatus::Received);
                (status, status)
            }
            (true, None) => (CaseStatus::Assigned, CaseStatus::Answered),
            (true, Some(status @ (CaseStatus::Assigned | CaseStatus::Answered))) => (status, status),
            // Only a registered case still being worked on can be late; the filters still combine.
            (true, Some(_)) => return Ok(None),
        };
        let category = match self.category.as_deref() {
            None => None,
            Some(raw) => Some(CategoryId(raw.parse().map_err(|_| field_error("category", FieldProblem::BadFormat))?)),
        };
        let lang = match self.lang.as_deref() {
            None => None,
            Some(raw) => Some(raw.parse::<Lang>().map_err(|_| field_error("lang", FieldProblem::UnknownChoice))?),
        };
        Ok(Some(QueueFilter {
            statuses,
            category,
            lang,
            deadline_before: overdue.then_some(today),
            executor: flag(self.mine.as_deref(), "mine")?.then_some(staff.user_id),
            channel: match self.channel.as_deref() {
                None => None,
                Some(raw) => {
                    Some(Channel::parse(raw).ok_or_else(|| field_error("channel", FieldProblem::UnknownChoice))?)
                }
            },
        }))
    }
}

/// `true` or `false`; absent is `false`.
fn flag(raw: Option<&str>, name: &str) -> Result<bool, AppError> {
    match raw {
        None | Some("false") => Ok(false),
        Some("true") => Ok(true),
        Some(_) => Err(field_error(name, FieldProblem::BadFormat)),
    }
}

/// A body's cases, oldest first, filtered by status (the moderation queue by default),
/// category, language, lateness, or the executor's own.
#[utoipa::path(
    get,
    path = "/office/bodies/{slug}/cases",
    tag = "office",
    params(("slug" = String, Path, description = "The body's short name"), QueueParams),
    responses(
        (status = 200, description = "The cases, at most 200", body = Vec<OfficeCase>),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "No moderator, head, executor or administrator role in this body", body = ApiError),
        (status = 422, description = "A filter has a value it cannot have (`invalid_input`)", body = ApiError)
    )
)]
pub async fn queue(
    State(state): State<AppState>,
    staff: Staff,
    Path(slug): Path<String>,
    Query(params): Query<QueueParams>,
) -> Result<Json<Vec<OfficeCase>>, AppError> {
    let body = authorize_body(&state, &staff, &slug, &[Role::Moderator, Role::Head, Role::Executor]).await?;
    let today = kazakhstan_date(Utc::now());
    let Some(filter) = params.filter(&staff, today)? else { return Ok(Json(Vec::new())) };
    let cal = calendar::load(&state.db).await?;
    let suggester = workflow::suggester(&state.db, body).await?;
    let view = OfficeView { calendar: &cal, today, suggester: &suggester };
    Ok(Json(workflow::queue(&state.db, body, &filter, QUEUE_LIMIT, &view).await?))
}

/// The executors of a body with their departments, for the moderator's "assign to" choice.
#[utoipa::path(
    get,
    path = "/office/bodies/{slug}/executors",
    tag = "office",
    params(("slug" = String, Path, description = "The body's short name")),
    responses(
        (status = 200, description = "The executors, by name", body = Vec<Executor>),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "No moderator, head or administrator role in this body", body = ApiError)
    )
)]
pub async fn executors(
    State(state): State<AppState>,
    staff: Staff,
    Path(slug): Path<String>,
) -> Result<Json<Vec<Executor>>, AppError> {
    let body = authorize_body(&state, &staff, &slug, &[Role::Moderator, Role::Head]).await?;
    Ok(Json(accounts::executors(&state.db, body).await?))
}

/// One case with its history, the asker's name (never their email) and the draft answer.
#[utoipa::path(
    get,
    path = "/office/cases/{id}",
    tag = "office",
    params(("id" = i64, Path, description = "The case")),
    responses(
        (status = 200, description = "The case", body = CaseDetail),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "No moderator, head, executor or administrator role in the case's body", body = ApiError),
        (status = 404, description = "No such case", body = ApiError)
    )
)]
pub async fn case(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
) -> Result<Json<CaseDetail>, AppError> {
    let case = authorize(&state, &staff, &id, &[Role::Moderator, Role::Head, Role::Executor]).await?;
    let cal = calendar::load(&state.db).await?;
    let detail = workflow::detail(&state.db, case, &cal, kazakhstan_date(Utc::now())).await?;
    Ok(Json(detail.ok_or_else(|| AppError::new(ErrorCode::NotFound, "No case has this id."))?))
}

/// Registers a confirmed question: it gets its deadline on the working-day calendar, counted
/// with the body's answer period, and goes to a department, an executor and a category.
#[utoipa::path(
    post,
    path = "/office/cases/{id}/register",
    tag = "office",
    params(("id" = i64, Path, description = "The case")),
    request_body = RegisterRequest,
    responses(
        (status = 200, description = "Registered", body = Registered),
        (status = 403, description = "Not a moderator of the case's body, or no CSRF token", body = ApiError),
        (status = 404, description = "No such case", body = ApiError),
        (status = 409, description = "Someone moved the case first (`conflict`)", body = ApiError),
        (status = 422, description = "The department, executor or category is not the body's, or a category is needed", body = ApiError)
    )
)]
pub async fn register(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<RegisterRequest>,
) -> Result<Json<Registered>, AppError> {
    let case = authorize(&state, &staff, &id, &[Role::Moderator]).await?;
    let cal = calendar::load(&state.db).await?;
    let assignment = Assignment {
        department_id: request.department_id,
        executor_id: request.executor_id,
        category_id: request.category_id,
    };
    let deadline =
        workflow::register(&state.db, case, &assignment, Utc::now(), Actor::Staff(staff.user_id), &cal).await?;
    Ok(Json(Registered { deadline: deadline.to_string() }))
}

/// The executor's answer, kept to the safe rich-text subset, waiting for approval.
#[utoipa::path(
    post,
    path = "/office/cases/{id}/answer",
    tag = "office",
    params(("id" = i64, Path, description = "The case")),
    request_body = AnswerRequest,
    responses(
        (status = 204, description = "Answered"),
        (status = 403, description = "Not an executor of the case's body", body = ApiError),
        (status = 409, description = "The case is not registered, or was answered already", body = ApiError),
        (status = 422, description = "The answer is empty, or an appeal's answer has no outcome (field `outcome`)", body = ApiError)
    )
)]
pub async fn answer(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<AnswerRequest>,
) -> Result<StatusCode, AppError> {
    let case = authorize(&state, &staff, &id, &[Role::Executor]).await?;
    let html = rich_text::sanitize(&request.answer_html);
    if html.trim().is_empty() {
        return Err(field_error("answer_html", FieldProblem::Missing));
    }
    workflow::answer(&state.db, case, &html, request.outcome, Utc::now(), Actor::Staff(staff.user_id)).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Approves and publishes the answer; the citizen is emailed the link. For an appeal it approves
/// and sends the decision instead: the appeal is closed, never published.
#[utoipa::path(
    post,
    path = "/office/cases/{id}/publish",
    tag = "office",
    params(("id" = i64, Path, description = "The case")),
    request_body = PublishRequest,
    responses(
        (status = 204, description = "Published"),
        (status = 403, description = "Not a moderator or head of the case's body", body = ApiError),
        (status = 409, description = "There is no answer waiting for approval", body = ApiError)
    )
)]
pub async fn publish(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<PublishRequest>,
) -> Result<StatusCode, AppError> {
    let case = authorize(&state, &staff, &id, &[Role::Moderator, Role::Head]).await?;
    let public_text = request.public_text.as_deref().map(str::trim).filter(|t| !t.is_empty());
    workflow::publish(&state.db, case, public_text, Utc::now(), Actor::Staff(staff.user_id), &state.public_url).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Refuses to register a question, with a reason the citizen receives by email.
#[utoipa::path(
    post,
    path = "/office/cases/{id}/reject",
    tag = "office",
    params(("id" = i64, Path, description = "The case")),
    request_body = RejectRequest,
    responses(
        (status = 204, description = "Rejected; the citizen is told why"),
        (status = 403, description = "Not a moderator of the case's body", body = ApiError),
        (status = 409, description = "The case is not waiting for moderation", body = ApiError)
    )
)]
pub async fn reject(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<RejectRequest>,
) -> Result<StatusCode, AppError> {
    let case = authorize(&state, &staff, &id, &[Role::Moderator]).await?;
    workflow::reject(
        &state.db,
        case,
        request.reason,
        request.duplicate_of,
        Utc::now(),
        Actor::Staff(staff.user_id),
        &state.public_url,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Sends a question waiting for moderation to the competent body, keeping its number; the
/// citizen is told by email.
#[utoipa::path(
    post,
    path = "/office/cases/{id}/redirect",
    tag = "office",
    params(("id" = i64, Path, description = "The case")),
    request_body = RedirectRequest,
    responses(
        (status = 204, description = "Redirected; it waits in the other body's moderation queue"),
        (status = 403, description = "Not a moderator of the case's body", body = ApiError),
        (status = 404, description = "No such case", body = ApiError),
        (status = 409, description = "The case is not waiting for moderation", body = ApiError),
        (status = 422, description = "No other body has this slug (field `body`)", body = ApiError)
    )
)]
pub async fn redirect(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<RedirectRequest>,
) -> Result<StatusCode, AppError> {
    let case = authorize(&state, &staff, &id, &[Role::Moderator]).await?;
    let cal = calendar::load(&state.db).await?;
    let actor = Actor::Staff(staff.user_id);
    workflow::redirect(&state.db, case, &request.body, Utc::now(), actor, &cal, &state.public_url).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Sends an answer back to the executor for rework, with what to change; the draft stays.
#[utoipa::path(
    post,
    path = "/office/cases/{id}/return",
    tag = "office",
    params(("id" = i64, Path, description = "The case")),
    request_body = ReturnRequest,
    responses(
        (status = 204, description = "Returned; the case is assigned again"),
        (status = 403, description = "Not a moderator or head of the case's body", body = ApiError),
        (status = 404, description = "No such case", body = ApiError),
        (status = 409, description = "There is no answer waiting for approval", body = ApiError),
        (status = 422, description = "The note is empty or longer than 1,000 characters (field `note`)", body = ApiError)
    )
)]
pub async fn return_answer(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<ReturnRequest>,
) -> Result<StatusCode, AppError> {
    let case = authorize(&state, &staff, &id, &[Role::Moderator, Role::Head]).await?;
    let note = request.note.trim();
    if note.is_empty() {
        return Err(field_error("note", FieldProblem::Missing));
    }
    if note.chars().count() > MAX_RETURN_NOTE_CHARS {
        return Err(field_error("note", FieldProblem::TooLong));
    }
    workflow::return_answer(&state.db, case, note, Utc::now(), Actor::Staff(staff.user_id)).await?;
    Ok(StatusCode::NO_CONTENT)
}
