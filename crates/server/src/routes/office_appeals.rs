//! The office's moves that only appeals have: the head's extension, "left without
//! consideration", the decision's files, and downloading any file of a case in one's body.

use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiJson, AppError};
use crate::routes::office::{authorize, field_error};
use crate::store::appeal_moves::{self, ExtensionDecision};
use crate::store::appeals;
use crate::store::cases::Actor;
use crate::store::workflow::kazakhstan_date;
use crate::uploads::{self, Refused};
use api::appeals::{AppealFile, FileId};
use api::domain::FieldProblem;
use api::office::{ExtendRequest, LeaveRequest, Registered};
use api::staff::Role;
use api::{ApiError, ErrorCode};
use axum::Json;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{NaiveDate, Utc};

/// The longest reason of an extension or of "left without consideration".
const REASON_MAX: usize = 1000;

fn reason(raw: &str) -> Result<&str, AppError> {
    match raw.trim() {
        "" => Err(field_error("reason", FieldProblem::Missing)),
        r if r.chars().count() > REASON_MAX => Err(field_error("reason", FieldProblem::TooLong)),
        r => Ok(r),
    }
}

fn date(raw: &str, name: &str) -> Result<NaiveDate, AppError> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").map_err(|_| field_error(name, FieldProblem::BadFormat))
}

/// The head extends an open appeal's deadline, at most to two months from registration; the
/// applicant is emailed at once.
#[utoipa::path(
    post,
    path = "/office/cases/{id}/extend",
    tag = "office",
    params(("id" = i64, Path, description = "The appeal")),
    request_body = ExtendRequest,
    responses(
        (status = 200, description = "Extended", body = Registered),
        (status = 403, description = "Not the head of the case's body", body = ApiError),
        (status = 409, description = "The appeal is decided already", body = ApiError),
        (status = 422, description = "`deadline` not later than now set (`too_early`) or past two months (`too_late`); `reason` missing; `decided_on` in the future; or not an appeal", body = ApiError)
    )
)]
pub async fn extend(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<ExtendRequest>,
) -> Result<Json<Registered>, AppError> {
    let case = authorize(&state, &staff, &id, &[Role::Head]).await?;
    let now = Utc::now();
    let deadline = date(&request.deadline, "deadline")?;
    let reason = reason(&request.reason)?;
    let today = kazakhstan_date(now);
    let decided_on = match request.decided_on.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        None => today,
        Some(raw) => date(raw, "decided_on")?,
    };
    if decided_on > today {
        return Err(field_error("decided_on", FieldProblem::TooLate));
    }
    let decision = ExtensionDecision { deadline, reason, decided_on };
    let actor = Actor::Staff(staff.user_id);
    let deadline = appeal_moves::extend(&state.db, case, &decision, now, actor, &state.public_url).await?;
    Ok(Json(Registered { deadline: deadline.to_string() }))
}

/// Leaves a registered or assigned appeal without consideration; the applicant gets the reason.
#[utoipa::path(
    post,
    path = "/office/cases/{id}/leave",
    tag = "office",
    params(("id" = i64, Path, description = "The appeal")),
    request_body = LeaveRequest,
    responses(
        (status = 204, description = "Left without consideration; the applicant is told why"),
        (status = 403, description = "Not a moderator or head of the case's body", body = ApiError),
        (status = 409, description = "The appeal is answered or decided already", body = ApiError),
        (status = 422, description = "No reason (field `reason`), or not an appeal", body = ApiError)
    )
)]
pub async fn leave(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<LeaveRequest>,
) -> Result<StatusCode, AppError> {
    let case = authorize(&state, &staff, &id, &[Role::Moderator, Role::Head]).await?;
    let reason = reason(&request.reason)?;
    let actor = Actor::Staff(staff.user_id);
    appeal_moves::leave(&state.db, case, reason, Utc::now(), actor, &state.public_url).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Attaches a file (PDF, JPEG, PNG or DOCX by content, 10 MB at most) to the decision the
/// executor is writing; five at most.
#[utoipa::path(
    post,
    path = "/office/cases/{id}/files",
    tag = "office",
    params(("id" = i64, Path, description = "The appeal")),
    request_body(content_type = "multipart/form-data", description = "One part `file`"),
    responses(
        (status = 201, description = "Attached", body = AppealFile),
        (status = 403, description = "Not an executor of the case's body", body = ApiError),
        (status = 409, description = "The appeal is not with an executor now", body = ApiError),
        (status = 422, description = "Field `file`: missing, `too_large`, `file_type` or `too_many`", body = ApiError)
    )
)]
pub async fn add_file(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<(StatusCode, Json<AppealFile>), AppError> {
    let case = authorize(&state, &staff, &id, &[Role::Executor]).await?;
    let mut multipart = multipart
        .map_err(|_| AppError::new(ErrorCode::MalformedJson, "Send the file as multipart/form-data, part `file`."))?;
    let mut upload = None;
    while let Some(part) = multipart.next_field().await.map_err(uploads::multipart_error)? {
        if part.name() == Some("file") && upload.is_none() {
            upload = Some(uploads::read_file(part).await?);
        }
    }
    let upload = match upload {
        None => return Err(field_error("file", FieldProblem::Missing)),
        Some(Err(Refused::TooLarge)) => return Err(field_error("file", FieldProblem::TooLarge)),
        Some(Err(Refused::NotAccepted)) => return Err(field_error("file", FieldProblem::FileType)),
        Some(Ok(upload)) => upload,
    };
    let file = appeal_moves::add_decision_file(&state.db, case, &upload, Utc::now()).await?;
    Ok((StatusCode::CREATED, Json(file)))
}

/// A file of a case, as a download, for the staff of the case's body.
#[utoipa::path(
    get,
    path = "/office/files/{id}",
    tag = "office",
    params(("id" = i64, Path, description = "The file")),
    responses(
        (status = 200, description = "The file, as an attachment", content_type = "application/octet-stream"),
        (status = 403, description = "No role in the case's body", body = ApiError),
        (status = 404, description = "No such file", body = ApiError)
    )
)]
pub async fn file(State(state): State<AppState>, staff: Staff, Path(id): Path<String>) -> Result<Response, AppError> {
    let not_found = || AppError::new(ErrorCode::NotFound, "No file has this id.");
    let id = FileId(id.parse().map_err(|_| not_found())?);
    let file = appeals::file(&state.db, id).await?.ok_or_else(not_found)?;
    staff.require(file.body_id, &[Role::Moderator, Role::Head, Role::Executor])?;
    Ok(uploads::download(&file.name, file.bytes))
}
