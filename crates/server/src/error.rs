//! One error type for every handler. It answers in the API's own JSON shape ([`api::ApiError`]);
//! details of server-side failures go to the log, never to the client.

use api::{ApiError, ErrorCode};
use axum::extract::FromRequest;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

#[derive(Debug)]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
    pub fields: Vec<api::domain::FieldError>,
}

impl AppError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        AppError { code, message: message.into(), fields: Vec::new() }
    }

    /// A form with problems in these fields.
    pub fn invalid_fields(fields: Vec<api::domain::FieldError>) -> Self {
        AppError { fields, ..AppError::new(ErrorCode::InvalidInput, "Some fields need correcting.") }
    }

    pub fn not_found() -> Self {
        AppError::new(ErrorCode::NotFound, "There is nothing at this address.")
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.code.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = ApiError { code: self.code, message: self.message, fields: self.fields };
        (status, axum::Json(body)).into_response()
    }
}

impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        match err {
            sqlx::Error::PoolTimedOut | sqlx::Error::Io(_) | sqlx::Error::PoolClosed => {
                tracing::warn!(error = %err, "database unavailable");
                AppError::new(
                    ErrorCode::Unavailable,
                    "The service is temporarily unavailable. Please try again shortly.",
                )
            }
            other => {
                tracing::error!(error = %other, "database error");
                AppError::new(ErrorCode::Internal, "Something went wrong on our side.")
            }
        }
    }
}

impl From<JsonRejection> for AppError {
    fn from(rejection: JsonRejection) -> Self {
        let code = match &rejection {
            JsonRejection::JsonDataError(_) => ErrorCode::InvalidInput,
            JsonRejection::BytesRejection(_) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                ErrorCode::PayloadTooLarge
            }
            _ => ErrorCode::MalformedJson,
        };
        AppError::new(code, rejection.body_text())
    }
}

/// `axum::Json`, but a bad body is answered in the API's own error shape.
#[derive(FromRequest)]
#[from_request(via(axum::Json), rejection(AppError))]
pub struct ApiJson<T>(pub T);

impl<T: serde::Serialize> IntoResponse for ApiJson<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}
