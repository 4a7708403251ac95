//! "My appeals": a one-time link sent to the address opens an hour's session that lists every
//! case filed with it (appeals and questions) and opens each appeal's tracking page. No password.

use crate::AppState;
use crate::antispam::{new_token, token_hash};
use crate::error::{ApiJson, AppError};
use crate::mail::appeal_templates;
use crate::routes::ClientAddr;
use crate::store::appeals::{self, cabinet::Kind};
use crate::store::{antispam, outbox};
use api::domain::{Email, FieldError};
use api::tracking::{Cabinet, CabinetLinkRequest, CabinetOpenRequest, CabinetRequest};
use api::{ApiError, ErrorCode};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use chrono::{Duration, Utc};

/// How long the emailed link and the session it opens last.
pub const LINK_VALID_FOR: Duration = Duration::hours(24);
const SESSION_LASTS: Duration = Duration::hours(1);
/// Links per client address and per email address per hour.
const LINKS_PER_ADDRESS: i64 = 10;
const LINKS_PER_EMAIL: i64 = 3;

fn link_invalid() -> AppError {
    AppError::new(ErrorCode::LinkInvalid, "This link was used already or has expired. Ask for a new one.")
}

/// Sends the one-time link when the address has any cases; the answer is the same either way.
#[utoipa::path(
    post,
    path = "/cabinet/link",
    tag = "appeals",
    request_body = CabinetLinkRequest,
    responses(
        (status = 202, description = "If the address has cases, the link is on its way"),
        (status = 422, description = "The address is not valid (field `email`)", body = ApiError),
        (status = 429, description = "Too many links asked for (`rate_limited`)", body = ApiError)
    )
)]
pub async fn link(
    State(state): State<AppState>,
    client: ClientAddr,
    ApiJson(request): ApiJson<CabinetLinkRequest>,
) -> Result<StatusCode, AppError> {
    let email = Email::parse(&request.email)
        .map_err(|problem| AppError::invalid_fields(vec![FieldError { field: "email".into(), problem }]))?;
    let now = Utc::now();
    let mut tx = state.db.begin().await?;
    let email_bucket = format!("cabinet:{}", &token_hash(&email.as_str().to_lowercase())[..32]);
    let allowed = antispam::allow(
        &mut tx,
        &format!("cabinet:{}", client.0),
        now,
        Duration::hours(1),
        LINKS_PER_ADDRESS * state.rate_limit_scale,
    )
    .await?
        && antispam::allow(&mut tx, &email_bucket, now, Duration::hours(1), LINKS_PER_EMAIL * state.rate_limit_scale)
            .await?;
    if !allowed {
        return Err(AppError::new(ErrorCode::RateLimited, "Too many links were asked for. Please try again later."));
    }
    if appeals::has_cases(&state.db, email.as_str()).await? {
        let (token, hash) = new_token();
        appeals::cabinet::create(&mut tx, Kind::Link, &hash, email.as_str(), now + LINK_VALID_FOR).await?;
        let link = format!("{}/{}/appeals/my#{token}", state.public_url, request.lang);
        outbox::enqueue(&mut tx, &appeal_templates::cabinet_link(email.as_str(), request.lang, &link), now).await?;
    }
    tx.commit().await?;
    Ok(StatusCode::ACCEPTED)
}

/// Spends the one-time link and opens a session of an hour.
#[utoipa::path(
    post,
    path = "/cabinet/open",
    tag = "appeals",
    request_body = CabinetOpenRequest,
    responses(
        (status = 200, description = "The cases, newest first, and the session", body = Cabinet),
        (status = 410, description = "The link was used or has expired (`link_invalid`)", body = ApiError)
    )
)]
pub async fn open(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<CabinetOpenRequest>,
) -> Result<Json<Cabinet>, AppError> {
    let now = Utc::now();
    let mut tx = state.db.begin().await?;
    let email = appeals::cabinet::spend_link(&mut tx, &token_hash(request.token.trim()), now)
        .await?
        .ok_or_else(link_invalid)?;
    let (session, hash) = new_token();
    let expires_at = now + SESSION_LASTS;
    appeals::cabinet::create(&mut tx, Kind::Session, &hash, &email, expires_at).await?;
    tx.commit().await?;
    appeals::cabinet::sweep(&state.db, now).await?;
    let cases = appeals::cabinet_cases(&state.db, &email).await?;
    Ok(Json(Cabinet { session, expires_at: expires_at.timestamp(), cases }))
}

/// Lists the cases again while the session lasts.
#[utoipa::path(
    post,
    path = "/cabinet",
    tag = "appeals",
    request_body = CabinetRequest,
    responses(
        (status = 200, description = "The cases, newest first", body = Cabinet),
        (status = 410, description = "The session has ended (`link_invalid`): ask for a new link", body = ApiError)
    )
)]
pub async fn list(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<CabinetRequest>,
) -> Result<Json<Cabinet>, AppError> {
    let now = Utc::now();
    let session = request.cabinet.trim();
    let (email, expires_at) =
        appeals::cabinet::session(&state.db, &token_hash(session), now).await?.ok_or_else(link_invalid)?;
    let cases = appeals::cabinet_cases(&state.db, &email).await?;
    Ok(Json(Cabinet { session: session.to_owned(), expires_at: expires_at.timestamp(), cases }))
}
