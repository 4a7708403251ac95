//! The HTTP service: the JSON API under `/api/v1`, health and OpenAPI under `/api`, and the
//! built app for every other address.

pub mod admin;
pub mod appeals;
pub mod archive;
pub mod auth;
pub mod bodies;
pub mod cabinet;
pub mod editor;
pub mod health;
pub mod office;
pub mod office_appeals;
pub mod questions;
pub mod sections;

use crate::error::AppError;
use crate::{AppState, security, spa, telemetry};
use api::ErrorCode;
use axum::extract::{ConnectInfo, DefaultBodyLimit, FromRequestParts};
use axum::http::request::Parts;
use axum::response::IntoResponse;
use axum::routing::{any, get};
use axum::{Json, Router};
use std::net::SocketAddr;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Online reception API",
        description = "Public and staff API of the online reception of government bodies (gov.kz).",
        license(name = "MIT", identifier = "MIT")
    ),
    // The `appeal` part of the multipart filing form, which no handler signature names.
    components(schemas(api::appeals::AppealSubmission)),
    tags(
        (name = "service", description = "Health of the service"),
        (name = "bodies", description = "Government bodies, their departments and categories"),
        (name = "questions", description = "Questions and answers: asking, confirming, the public archive"),
        (name = "appeals", description = "Electronic appeals: filing with files, tracking, rating, \"my appeals\""),
        (name = "office", description = "Staff moves on cases: moderation, registration, answers, publication"),
        (name = "staff", description = "Staff sign-in: session cookie, CSRF token, roles per body"),
        (name = "admin", description = "Administration: the working-day calendar, each body's settings"),
        (name = "blog", description = "The head's profile and blog, its Atom feed, and images"),
        (name = "sections", description = "A body's FAQ, reception schedule and open dialogue links"),
        (name = "editor", description = "Staff editing of the blog, profile, FAQ, schedule and links; the Open Dialogue indicators")
    )
)]
struct ApiDoc;

/// Every endpoint is registered here together with its OpenAPI description, so the document
/// cannot drift from the routes.
fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi()).routes(routes!(health::health)).nest(
        "/api/v1",
        OpenApiRouter::new()
            .routes(routes!(bodies::list))
            .routes(routes!(bodies::get))
            .routes(routes!(questions::challenge))
            .routes(routes!(questions::submit))
            .routes(routes!(questions::confirm))
            .routes(routes!(archive::list))
            .routes(routes!(archive::search))
            .routes(routes!(archive::question))
            .routes(routes!(archive::vote))
            .routes(routes!(archive::rate))
            .routes(routes!(office::queue))
            .routes(routes!(office::register))
            .routes(routes!(office::answer))
            .routes(routes!(office::publish))
            .routes(routes!(office::reject))
            .routes(routes!(office::case))
            .routes(routes!(office::executors))
            .routes(routes!(office::redirect))
            .routes(routes!(office::return_answer))
            .routes(routes!(office_appeals::extend))
            .routes(routes!(office_appeals::leave))
            .routes(routes!(office_appeals::file))
            .routes(routes!(appeals::email_code))
            .routes(routes!(appeals::check_code))
            .routes(routes!(appeals::track))
            .routes(routes!(appeals::track_file))
            .routes(routes!(appeals::rate))
            .routes(routes!(cabinet::link))
            .routes(routes!(cabinet::open))
            .routes(routes!(cabinet::list))
            .routes(routes!(sections::head))
            .routes(routes!(sections::posts))
            .routes(routes!(sections::post))
            .routes(routes!(sections::feed))
            .routes(routes!(sections::faq))
            .routes(routes!(sections::schedule))
            .routes(routes!(sections::dialogue))
            .routes(routes!(sections::media))
            .routes(routes!(editor::head, editor::save_head))
            .routes(routes!(editor::posts, editor::create_post))
            .routes(routes!(editor::office_post, editor::update_post, editor::delete_post))
            .routes(routes!(editor::create_faq))
            .routes(routes!(editor::update_faq, editor::delete_faq))
            .routes(routes!(editor::schedule, editor::create_slot))
            .routes(routes!(editor::update_slot, editor::delete_slot))
            .routes(routes!(editor::create_link))
            .routes(routes!(editor::update_link, editor::delete_link))
            .routes(routes!(editor::indicators))
            .routes(routes!(admin::calendar))
            .routes(routes!(admin::set_calendar_day, admin::remove_calendar_day))
            .routes(routes!(admin::body_settings, admin::set_body_settings))
            .routes(routes!(auth::login))
            .routes(routes!(auth::logout))
            .routes(routes!(auth::logout_everywhere))
            .routes(routes!(auth::me))
            .merge(upload_routes())
            .merge(image_routes()),
    )
}

/// The endpoints that take files: five of 10 MB, plus the form, in one request.
const UPLOAD_LIMIT: usize = api::appeals::MAX_FILES * api::appeals::MAX_FILE_BYTES + 1024 * 1024;

/// Every other endpoint keeps axum's 2 MB default, so a large body is refused before it is read.
fn upload_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(appeals::submit))
        .routes(routes!(office_appeals::add_file))
        .layer(DefaultBodyLimit::max(UPLOAD_LIMIT))
}

/// An image of 5 MB with its multipart envelope.
fn image_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(editor::upload))
        .layer(DefaultBodyLimit::max(api::content::IMAGE_MAX_BYTES + 64 * 1024))
}

/// The OpenAPI 3.1 document of this service, as served at `/api/openapi.json`.
pub fn openapi() -> utoipa::openapi::OpenApi {
    api_routes().split_for_parts().1
}

pub fn app(state: AppState) -> Router {
    let (api, doc) = api_routes().split_for_parts();
    let csp = security::content_security_policy(state.dist_dir.as_deref().map(|p| p.as_path()));
    let router = api
        .route("/api/openapi.json", get(move || async move { Json(doc) }))
        .route("/api", any(api_not_found))
        .route("/api/{*rest}", any(api_not_found))
        .fallback(spa::serve)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state);
    let router = security::headers(router, &csp);
    telemetry::layers(router)
}

/// The client's network address, for rate limits; never logged.
pub struct ClientAddr(pub String);

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let forwarded = state
            .trust_proxy
            .then(|| {
                parts.headers.get("x-forwarded-for")?.to_str().ok()?.split(',').next().map(|a| a.trim().to_owned())
            })
            .flatten();
        let direct = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip().to_string());
        Ok(ClientAddr(forwarded.or(direct).unwrap_or_else(|| "unknown".into())))
    }
}

async fn api_not_found() -> AppError {
    AppError::not_found()
}

async fn method_not_allowed() -> impl IntoResponse {
    AppError::new(ErrorCode::MethodNotAllowed, "This address does not accept this method.")
}
