//! The public archive: published questions with their answers. Nothing private is ever read
//! here; the queries select public columns only.

use crate::AppState;
use crate::antispam::token_hash;
use crate::error::{ApiJson, AppError};
use crate::routes::ClientAddr;
use crate::store::archive::{self, Cursor};
use crate::store::{antispam, feedback};
use api::archive::{ArchivePage, PublishedQuestion, RatingRequest, VoteRequest, Votes};
use api::cases::{CaseId, Channel};
use api::domain::{FieldError, FieldProblem};
use api::{BodySlug, CategoryId, ErrorCode};
use axum::Json;
use axum::extract::{Path, Query, State};
use chrono::{Duration, Utc};
use serde::Deserialize;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ArchiveParams {
    /// Only this category of the body.
    category: Option<String>,
    /// `question` or `blog` (questions to the head); both when absent.
    channel: Option<String>,
    /// Words to find in the question or answer; each matches as a prefix, case and ё/е ignored.
    q: Option<String>,
    /// The `next` cursor of the previous page.
    after: Option<String>,
    /// Items per page, 1-50 (default 20).
    limit: Option<String>,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Only this body's answers (its short name).
    body: Option<String>,
}

fn body_not_found() -> AppError {
    AppError::new(ErrorCode::BodyNotFound, "No body has this slug.")
}

async fn body_id(state: &AppState, slug: &str) -> Result<i64, AppError> {
    let slug = BodySlug::parse(slug).map_err(|_| body_not_found())?;
    crate::store::bodies::id_of(&state.db, &slug).await?.ok_or_else(body_not_found)
}

/// Reads the parameters every archive list takes and fetches the page.
async fn archive_page(state: &AppState, body_id: Option<i64>, params: ArchiveParams) -> Result<ArchivePage, AppError> {
    let bad = |what: &str| AppError::new(ErrorCode::InvalidInput, format!("The parameter {what} is malformed."));
    let category = match params.category.as_deref().filter(|c| !c.is_empty()) {
        Some(raw) => Some(CategoryId(raw.parse().map_err(|_| bad("category"))?)),
        None => None,
    };
    let channel = match params.channel.as_deref().filter(|c| !c.is_empty()) {
        Some(raw) => Some(
            Channel::parse(raw)
                .filter(|c| matches!(c, Channel::Question | Channel::Blog))
                .ok_or_else(|| bad("channel"))?,
        ),
        None => None,
    };
    let after = match params.after.as_deref().filter(|a| !a.is_empty()) {
        Some(raw) => Some(Cursor::decode(raw).ok_or_else(|| bad("after"))?),
        None => None,
    };
    let limit = match params.limit.as_deref() {
        Some(raw) => raw.parse::<i64>().ok().filter(|l| (1..=50).contains(l)).ok_or_else(|| bad("limit"))?,
        None => 20,
    };
    let query = params.q.unwrap_or_default();
    let filter = archive::Filter { body_id, category, channel };
    let (items, next) = archive::page(&state.db, filter, &query, after, limit).await?;
    Ok(ArchivePage { items, next: next.map(|c| c.encode()) })
}

/// Published questions of one body with their answers, newest first.
#[utoipa::path(
    get,
    path = "/bodies/{slug}/questions",
    tag = "questions",
    params(("slug" = String, Path, description = "The body's short name"), ArchiveParams),
    responses(
        (status = 200, description = "A page of the archive", body = ArchivePage),
        (status = 404, description = "No body has this slug (`body_not_found`)", body = api::ApiError),
        (status = 422, description = "A parameter is malformed (`invalid_input`)", body = api::ApiError)
    )
)]
pub async fn list(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(params): Query<ArchiveParams>,
) -> Result<Json<ArchivePage>, AppError> {
    let body_id = body_id(&state, &slug).await?;
    Ok(Json(archive_page(&state, Some(body_id), params).await?))
}

/// Published questions of every body (or of one, with `body`), newest first: the search across
/// all published answers.
#[utoipa::path(
    get,
    path = "/questions",
    tag = "questions",
    params(SearchParams, ArchiveParams),
    responses(
        (status = 200, description = "A page of published questions", body = ArchivePage),
        (status = 404, description = "No body has the slug in `body` (`body_not_found`)", body = api::ApiError),
        (status = 422, description = "A parameter is malformed (`invalid_input`)", body = api::ApiError)
    )
)]
pub async fn search(
    State(state): State<AppState>,
    Query(search): Query<SearchParams>,
    Query(params): Query<ArchiveParams>,
) -> Result<Json<ArchivePage>, AppError> {
    let body_id = match search.body.as_deref().filter(|b| !b.is_empty()) {
        Some(slug) => Some(body_id(&state, slug).await?),
        None => None,
    };
    Ok(Json(archive_page(&state, body_id, params).await?))
}

/// One published question with its answer and public timeline.
#[utoipa::path(
    get,
    path = "/questions/{id}",
    tag = "questions",
    params(("id" = i64, Path, description = "The question's id")),
    responses(
        (status = 200, description = "The question and its answer", body = PublishedQuestion),
        (status = 404, description = "No published question has this id (`not_found`)", body = api::ApiError)
    )
)]
pub async fn question(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<PublishedQuestion>, AppError> {
    let not_found = || AppError::new(ErrorCode::NotFound, "No published question has this id.");
    let id: i64 = id.parse().map_err(|_| not_found())?;
    archive::question(&state.db, CaseId(id)).await?.map(Json).ok_or_else(not_found)
}

/// Votes per client address per hour: enough for a person, too few to skew the counts.
const VOTES_PER_ADDRESS_PER_HOUR: i64 = 60;

/// A public satisfied/unsatisfied vote on an answer; one per browser, changeable.
#[utoipa::path(
    post,
    path = "/questions/{id}/votes",
    tag = "questions",
    params(("id" = i64, Path, description = "The question's id")),
    request_body = VoteRequest,
    responses(
        (status = 200, description = "The new counts", body = Votes),
        (status = 404, description = "No published question has this id", body = api::ApiError),
        (status = 422, description = "The browser id is malformed", body = api::ApiError),
        (status = 429, description = "Too many votes from this address (`rate_limited`)", body = api::ApiError)
    )
)]
pub async fn vote(
    State(state): State<AppState>,
    client: ClientAddr,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<VoteRequest>,
) -> Result<Json<Votes>, AppError> {
    let not_found = || AppError::new(ErrorCode::NotFound, "No published question has this id.");
    let id: i64 = id.parse().map_err(|_| not_found())?;
    let well_formed = (16..=64).contains(&request.voter.len())
        && request.voter.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if !well_formed {
        return Err(AppError::invalid_fields(vec![FieldError {
            field: "voter".into(),
            problem: FieldProblem::BadFormat,
        }]));
    }
    let now = Utc::now();
    let mut tx = state.db.begin().await?;
    let allowed = antispam::allow(
        &mut tx,
        &format!("vote:{}", client.0),
        now,
        Duration::hours(1),
        VOTES_PER_ADDRESS_PER_HOUR * state.rate_limit_scale,
    )
    .await?;
    tx.commit().await?;
    if !allowed {
        return Err(AppError::new(ErrorCode::RateLimited, "Too many votes from here recently."));
    }
    feedback::vote(&state.db, CaseId(id), &token_hash(&request.voter), request.satisfied, now)
        .await?
        .map(Json)
        .ok_or_else(not_found)
}

/// The asker's rating of the answer (1-5, optional comment), through the link in the
/// publication email; it works once.
#[utoipa::path(
    post,
    path = "/questions/{id}/rating",
    tag = "questions",
    params(("id" = i64, Path, description = "The question's id")),
    request_body = RatingRequest,
    responses(
        (status = 204, description = "Saved"),
        (status = 410, description = "The link is unknown or was used (`link_invalid`)", body = api::ApiError),
        (status = 422, description = "The score is not 1-5 or the comment is too long", body = api::ApiError)
    )
)]
pub async fn rate(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<RatingRequest>,
) -> Result<axum::http::StatusCode, AppError> {
    let invalid = || AppError::new(ErrorCode::LinkInvalid, "This link is unknown or was used already.");
    let id: i64 = id.parse().map_err(|_| invalid())?;
    let mut problems = Vec::new();
    if !(1..=5).contains(&request.score) {
        problems.push(FieldError { field: "score".into(), problem: FieldProblem::UnknownChoice });
    }
    if request.comment.chars().count() > 1000 {
        problems.push(FieldError { field: "comment".into(), problem: FieldProblem::TooLong });
    }
    if !problems.is_empty() {
        return Err(AppError::invalid_fields(problems));
    }
    let comment = request.comment.trim();
    match feedback::rate(&state.db, CaseId(id), &token_hash(request.token.trim()), request.score, comment, Utc::now())
        .await?
    {
        feedback::Rated::Saved => Ok(axum::http::StatusCode::NO_CONTENT),
        feedback::Rated::LinkInvalid => Err(invalid()),
    }
}
