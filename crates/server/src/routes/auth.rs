//! Staff sign-in and sign-out. The session lives in the `session` cookie (HttpOnly,
//! SameSite=Strict); every request that changes something repeats the session's CSRF token in
//! the `X-CSRF-Token` header.

use crate::AppState;
use crate::auth::{self, Staff};
use crate::error::{ApiJson, AppError};
use crate::routes::ClientAddr;
use api::ApiError;
use api::staff::{LoginRequest, Me};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, SET_COOKIE};
use axum::response::IntoResponse;
use chrono::Utc;

/// Cookies get `Secure` when the site is served over HTTPS.
fn secure(state: &AppState) -> bool {
    state.public_url.starts_with("https://")
}

/// Signs a staff member in. Unknown email and wrong password get the same answer. After 5
/// failed attempts for one email, or 20 from one address, within 15 minutes, every attempt is
/// refused until the window passes, even with the right password.
#[utoipa::path(
    post,
    path = "/auth/login",
    tag = "staff",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in; sets the `session` cookie (HttpOnly, SameSite=Strict)", body = Me),
        (status = 401, description = "The email or the password is wrong (`login_failed`)", body = ApiError),
        (status = 429, description = "Too many failed sign-ins for this email or from this address (`too_many_attempts`)", body = ApiError)
    )
)]
pub async fn login(
    State(state): State<AppState>,
    client: ClientAddr,
    ApiJson(request): ApiJson<LoginRequest>,
) -> Result<impl IntoResponse, AppError> {
    let signed_in = auth::sign_in(&state.db, &request.email, request.password, &client.0, Utc::now()).await?;
    let headers = [(SET_COOKIE, auth::session_cookie(&signed_in.token, secure(&state))), (CACHE_CONTROL, no_store())];
    Ok((headers, Json(signed_in.me)))
}

/// The answer holds the CSRF token, so no cache may keep it.
fn no_store() -> String {
    "no-store".into()
}

/// Ends this session.
#[utoipa::path(
    post,
    path = "/auth/logout",
    tag = "staff",
    params(("X-CSRF-Token" = String, Header, description = "The `csrf_token` from sign-in or `/auth/me`")),
    responses(
        (status = 204, description = "Signed out; the cookie is cleared"),
        (status = 401, description = "Not signed in (`unauthenticated`)", body = ApiError),
        (status = 403, description = "The CSRF token is missing or wrong (`csrf_failed`)", body = ApiError)
    )
)]
pub async fn logout(State(state): State<AppState>, staff: Staff) -> Result<impl IntoResponse, AppError> {
    staff.sign_out(&state.db).await?;
    Ok((StatusCode::NO_CONTENT, [(SET_COOKIE, auth::cleared_cookie(secure(&state)))]))
}

/// Ends every session of the signed-in account, on every device (after a lost phone, say).
#[utoipa::path(
    post,
    path = "/auth/logout-everywhere",
    tag = "staff",
    params(("X-CSRF-Token" = String, Header, description = "The `csrf_token` from sign-in or `/auth/me`")),
    responses(
        (status = 204, description = "Every session of the account has ended; the cookie is cleared"),
        (status = 401, description = "Not signed in (`unauthenticated`)", body = ApiError),
        (status = 403, description = "The CSRF token is missing or wrong (`csrf_failed`)", body = ApiError)
    )
)]
pub async fn logout_everywhere(State(state): State<AppState>, staff: Staff) -> Result<impl IntoResponse, AppError> {
    staff.sign_out_everywhere(&state.db).await?;
    Ok((StatusCode::NO_CONTENT, [(SET_COOKIE, auth::cleared_cookie(secure(&state)))]))
}

/// The signed-in staff member: name, email, roles per body, and the CSRF token for changes.
#[utoipa::path(
    get,
    path = "/auth/me",
    tag = "staff",
    responses(
        (status = 200, description = "The signed-in staff member", body = Me),
        (status = 401, description = "Not signed in, or the session has ended (`unauthenticated`)", body = ApiError)
    )
)]
pub async fn me(staff: Staff) -> impl IntoResponse {
    ([(CACHE_CONTROL, no_store())], Json(staff.me()))
}
