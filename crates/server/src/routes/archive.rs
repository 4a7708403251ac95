//! The public archive: published questions with their answers. Nothing private is ever read
//! here; the queries select public columns only.

use crate::AppState;
use crate::error::AppError;
use crate::store::archive::{self, Cursor};
use api::archive::{ArchivePage, PublishedQuestion};
use api::cases::CaseId;
use api::{BodySlug, CategoryId, ErrorCode};
use axum::Json;
use axum::extract::{Path, Query, State};
use serde::Deserialize;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ArchiveParams {
    /// Only this category of the body.
    category: Option<String>,
    /// Words to find in the question or answer; each matches as a prefix, case and ё/е ignored.
    q: Option<String>,
    /// The `next` cursor of the previous page.
    after: Option<String>,
    /// Items per page, 1-50 (default 20).
    limit: Option<String>,
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
    let not_found = || AppError::new(ErrorCode::BodyNotFound, "No body has this slug.");
    let slug = BodySlug::parse(&slug).map_err(|_| not_found())?;
    let body_id = crate::store::bodies::id_of(&state.db, &slug).await?.ok_or_else(not_found)?;
    let bad = |what: &str| AppError::new(ErrorCode::InvalidInput, format!("The parameter {what} is malformed."));
    let category = match params.category.as_deref().filter(|c| !c.is_empty()) {
        Some(raw) => Some(CategoryId(raw.parse().map_err(|_| bad("category"))?)),
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
    let (items, next) = archive::page(&state.db, body_id, category, &query, after, limit).await?;
    Ok(Json(ArchivePage { items, next: next.map(|c| c.encode()) }))
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
