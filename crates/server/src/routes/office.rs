//! The office: staff moves on cases. Every endpoint needs a signed-in staff member with the
//! right role in the case's body (administrators of the body pass every check), and a CSRF token
//! for changes.

use crate::auth::Staff;
use crate::error::{ApiJson, AppError};
use crate::store::cases::Actor;
use crate::store::workflow::{self, MoveError};
use crate::store::{bodies, calendar};
use crate::{AppState, rich_text};
use api::cases::{CaseId, CaseStatus};
use api::office::{AnswerRequest, OfficeCase, PublishRequest, RegisterRequest, Registered, RejectRequest};
use api::staff::Role;
use api::{ApiError, BodySlug, ErrorCode};
use axum::Json;
use axum::extract::{Path, Query, State};
use chrono::Utc;
use serde::Deserialize;

/// Working days to answer a question (PRODUCT.md: a per-body setting later, 15 by default).
const ANSWER_WITHIN_WORKING_DAYS: u32 = 15;

impl From<MoveError> for AppError {
    fn from(error: MoveError) -> Self {
        match error {
            MoveError::NotFound => AppError::new(ErrorCode::NotFound, "No case has this id."),
            MoveError::WrongStatus(status) => {
                AppError::new(ErrorCode::Conflict, format!("The case is {} now; reload it.", status.as_str()))
            }
            MoveError::Db(e) => e.into(),
        }
    }
}

/// Loads the case's body and checks the staff member's role in it; unknown cases are 404
/// for everyone, so ids cannot be probed.
async fn authorize(state: &AppState, staff: &Staff, id: &str, roles: &[Role]) -> Result<CaseId, AppError> {
    let not_found = || AppError::new(ErrorCode::NotFound, "No case has this id.");
    let case = CaseId(id.parse().map_err(|_| not_found())?);
    let body = workflow::body_of(&state.db, case).await?.ok_or_else(not_found)?;
    staff.require(body, roles)?;
    Ok(case)
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QueueParams {
    /// `received` (the moderation queue, the default), `assigned` or `answered`.
    status: Option<String>,
}

/// A body's cases waiting in one status, oldest first.
#[utoipa::path(
    get,
    path = "/office/bodies/{slug}/cases",
    tag = "office",
    params(("slug" = String, Path, description = "The body's short name"), QueueParams),
    responses(
        (status = 200, description = "The cases", body = Vec<OfficeCase>),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "No moderator, head or administrator role in this body", body = ApiError)
    )
)]
pub async fn queue(
    State(state): State<AppState>,
    staff: Staff,
    Path(slug): Path<String>,
    Query(params): Query<QueueParams>,
) -> Result<Json<Vec<OfficeCase>>, AppError> {
    let not_found = || AppError::new(ErrorCode::BodyNotFound, "No body has this slug.");
    let slug = BodySlug::parse(&slug).map_err(|_| not_found())?;
    let body = bodies::id_of(&state.db, &slug).await?.ok_or_else(not_found)?;
    staff.require(body, &[Role::Moderator, Role::Head, Role::Executor])?;
    let status = match params.status.as_deref() {
        None | Some("received") => CaseStatus::Received,
        Some("assigned") => CaseStatus::Assigned,
        Some("answered") => CaseStatus::Answered,
        Some(_) => return Err(AppError::new(ErrorCode::InvalidInput, "status must be received, assigned or answered")),
    };
    Ok(Json(workflow::queue(&state.db, body, status, 200).await?))
}

/// Registers a confirmed question: it gets its deadline on the working-day calendar.
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
        (status = 409, description = "Someone moved the case first (`conflict`)", body = ApiError)
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
    let department = request.department_id.map(|d| d.0);
    let deadline = workflow::register(
        &state.db,
        case,
        department,
        Utc::now(),
        Actor::Staff(staff.user_id),
        &cal,
        ANSWER_WITHIN_WORKING_DAYS,
    )
    .await?;
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
        (status = 422, description = "The answer is empty", body = ApiError)
    )
)]
pub async fn answer(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<AnswerRequest>,
) -> Result<axum::http::StatusCode, AppError> {
    let case = authorize(&state, &staff, &id, &[Role::Executor]).await?;
    let html = rich_text::sanitize(&request.answer_html);
    if html.trim().is_empty() {
        return Err(AppError::invalid_fields(vec![api::domain::FieldError {
            field: "answer_html".into(),
            problem: api::domain::FieldProblem::Missing,
        }]));
    }
    workflow::answer(&state.db, case, &html, Utc::now(), Actor::Staff(staff.user_id)).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

/// Approves and publishes the answer; the citizen is emailed the link.
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
) -> Result<axum::http::StatusCode, AppError> {
    let case = authorize(&state, &staff, &id, &[Role::Moderator, Role::Head]).await?;
    let public_text = request.public_text.as_deref().map(str::trim).filter(|t| !t.is_empty());
    workflow::publish(&state.db, case, public_text, Utc::now(), Actor::Staff(staff.user_id), &state.public_url).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
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
) -> Result<axum::http::StatusCode, AppError> {
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
    Ok(axum::http::StatusCode::NO_CONTENT)
}
