//! Structured logs with a request id on every line. Only the path is logged, never the query
//! string or bodies, because those may carry personal data.

use crate::error::AppError;
use api::ErrorCode;
use axum::Router;
use axum::http::{HeaderName, Request};
use axum::response::IntoResponse;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::{DefaultOnFailure, DefaultOnResponse, TraceLayer};
use tracing::Level;
use tracing_subscriber::EnvFilter;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Logs to standard output; `RUST_LOG` overrides the default level.
pub fn init() {
    init_with_default("info,sqlx=warn");
}

/// Like [`init`] with another default level (tests log only warnings and errors).
pub fn init_with_default(default: &str) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_target(false).try_init();
}

pub fn layers(router: Router) -> Router {
    router
        .layer(CompressionLayer::new())
        .layer(CatchPanicLayer::custom(|_| {
            AppError::new(ErrorCode::Internal, "Something went wrong on our side.").into_response()
        }))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &Request<_>| {
                    let id = request.headers().get(REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("-");
                    tracing::info_span!("request", method = %request.method(), path = %request.uri().path(), request_id = %id)
                })
                .on_request(())
                .on_response(DefaultOnResponse::new().level(Level::INFO))
                .on_failure(DefaultOnFailure::new().level(Level::WARN)),
        )
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
}
