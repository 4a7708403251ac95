//! The appeals endpoints of the API, one function each.

use crate::client::{FetchError, read};
use api::ErrorCode;
use api::Lang;
use api::appeals::{AppealReceipt, AppealSubmission, EmailCodeCheck, EmailCodeRequest, FileId};
use api::tracking::{
    AppealRatingRequest, AppealTracking, Cabinet, CabinetLinkRequest, CabinetOpenRequest, CabinetRequest, TrackRequest,
};
use gloo_net::http::{Request, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

async fn post<B: Serialize>(path: &str, body: &B) -> Result<Response, FetchError> {
    Request::post(path)
        .header("Accept", "application/json")
        .json(body)
        .map_err(|_| FetchError::Server(ErrorCode::Internal))?
        .send()
        .await
        .map_err(|_| FetchError::Network)
}

async fn post_json<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, FetchError> {
    read(post(path, body).await?).await
}

/// For the endpoints that answer 202 or 204 with no body.
async fn post_empty<B: Serialize>(path: &str, body: &B) -> Result<(), FetchError> {
    let response = post(path, body).await?;
    if response.ok() {
        return Ok(());
    }
    read::<()>(response).await
}

pub async fn send_email_code(email: String, lang: Lang) -> Result<(), FetchError> {
    post_empty("/api/v1/appeals/email-code", &EmailCodeRequest { email, lang }).await
}

pub async fn check_email_code(email: String, code: String) -> Result<(), FetchError> {
    post_empty("/api/v1/appeals/email-code/check", &EmailCodeCheck { email, code }).await
}

/// Files the appeal: its JSON as the `appeal` part, each file as a `file` part in order, so the
/// server's `files.N` errors name them by position. A retry with the same key files it once.
pub async fn submit(
    submission: &AppealSubmission,
    files: &[web_sys::File],
    idempotency_key: &str,
) -> Result<AppealReceipt, FetchError> {
    let internal = |_| FetchError::Server(ErrorCode::Internal);
    let form = web_sys::FormData::new().map_err(|_| FetchError::Server(ErrorCode::Internal))?;
    let json = serde_json::to_string(submission).map_err(|_| FetchError::Server(ErrorCode::Internal))?;
    form.append_with_str("appeal", &json).map_err(internal)?;
    for file in files {
        form.append_with_blob_and_filename("file", file, &file.name()).map_err(internal)?;
    }
    let response = Request::post("/api/v1/appeals")
        .header("Accept", "application/json")
        .header("Idempotency-Key", idempotency_key)
        .body(form)
        .map_err(|_| FetchError::Server(ErrorCode::Internal))?
        .send()
        .await
        .map_err(|_| FetchError::Network)?;
    if response.status() == 413 {
        return Err(FetchError::Server(ErrorCode::PayloadTooLarge));
    }
    read(response).await
}

pub async fn track(request: &TrackRequest) -> Result<AppealTracking, FetchError> {
    post_json("/api/v1/appeals/track", request).await
}

/// The bytes of one attached file.
pub async fn download(id: FileId, request: &TrackRequest) -> Result<Vec<u8>, FetchError> {
    let response = post(&format!("/api/v1/appeals/track/files/{}", id.0), request).await?;
    if !response.ok() {
        return read::<()>(response).await.map(|_| Vec::new());
    }
    response.binary().await.map_err(|_| FetchError::Network)
}

pub async fn rate(request: &AppealRatingRequest) -> Result<(), FetchError> {
    post_empty("/api/v1/appeals/track/rating", request).await
}

pub async fn cabinet_link(email: String, lang: Lang) -> Result<(), FetchError> {
    post_empty("/api/v1/cabinet/link", &CabinetLinkRequest { email, lang }).await
}

pub async fn cabinet_open(token: String) -> Result<Cabinet, FetchError> {
    post_json("/api/v1/cabinet/open", &CabinetOpenRequest { token }).await
}

pub async fn cabinet(session: String) -> Result<Cabinet, FetchError> {
    post_json("/api/v1/cabinet", &CabinetRequest { cabinet: session }).await
}
