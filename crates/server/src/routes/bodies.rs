use crate::AppState;
use crate::error::AppError;
use crate::store;
use api::{Body, BodyList, BodySlug, ErrorCode};
use axum::Json;
use axum::extract::{Path, State};

/// All government bodies served by this deployment, in the order the site lists them.
#[utoipa::path(
    get,
    path = "/bodies",
    tag = "bodies",
    responses((status = 200, description = "The bodies", body = BodyList))
)]
pub async fn list(State(state): State<AppState>) -> Result<Json<BodyList>, AppError> {
    Ok(Json(BodyList { items: store::bodies::list(&state.db).await? }))
}

/// One body with its head, departments and question categories.
#[utoipa::path(
    get,
    path = "/bodies/{slug}",
    tag = "bodies",
    params(("slug" = String, Path, description = "The body's short name, e.g. `enbek`")),
    responses(
        (status = 200, description = "The body", body = Body),
        (status = 404, description = "No body has this slug (`body_not_found`)", body = api::ApiError)
    )
)]
pub async fn get(State(state): State<AppState>, Path(slug): Path<String>) -> Result<Json<Body>, AppError> {
    let not_found = || AppError::new(ErrorCode::BodyNotFound, "No body has this slug.");
    // A slug that cannot exist is answered like an unknown one, without touching the database.
    let slug = BodySlug::parse(&slug).map_err(|_| not_found())?;
    store::bodies::by_slug(&state.db, &slug).await?.map(Json).ok_or_else(not_found)
}
