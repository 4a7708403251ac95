use crate::AppState;
use crate::error::AppError;
use api::{ErrorCode, Health};
use axum::Json;
use axum::extract::State;

/// Whether the service and its database answer. Load balancers poll it.
#[utoipa::path(
    get,
    path = "/api/health",
    tag = "service",
    responses(
        (status = 200, description = "The service and its database answer", body = Health),
        (status = 503, description = "The database does not answer", body = api::ApiError)
    )
)]
pub async fn health(State(state): State<AppState>) -> Result<Json<Health>, AppError> {
    state.db.ping().await.map_err(|e| {
        tracing::warn!(error = %e, "health check: database does not answer");
        AppError::new(ErrorCode::Unavailable, "The database does not answer.")
    })?;
    Ok(Json(Health {
        status: "ok".into(),
        database: state.db.backend().into(),
        version: env!("CARGO_PKG_VERSION").into(),
    }))
}
