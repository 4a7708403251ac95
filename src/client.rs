//! The typed client of the server's API: one function per endpoint, one error type.

use api::cases::{Challenge, ConfirmRequest, QuestionReceipt, QuestionSubmission};
use api::domain::FieldError;
use api::{ApiError, Body, BodySummary, ErrorCode};
use gloo_net::http::{Request, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// 32 random hex digits from the browser's cryptographic source.
pub fn random_id() -> String {
    let mut bytes = [0u8; 16];
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Why a request gave no data, in terms the page can explain to a citizen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// The server could not be reached.
    Network,
    /// The server answered with this error code.
    Server(ErrorCode),
    /// The server found problems in these fields of a form.
    Invalid(Vec<FieldError>),
}

/// Aborts the browser's request if the page stops waiting for it (the user navigated away).
struct AbortOnDrop(Option<web_sys::AbortController>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        if let Some(controller) = &self.0 {
            controller.abort();
        }
    }
}

pub(crate) async fn get_json<T: DeserializeOwned>(path: &str) -> Result<T, FetchError> {
    let guard = AbortOnDrop(web_sys::AbortController::new().ok());
    let signal = guard.0.as_ref().map(|c| c.signal());
    let response = Request::get(path)
        .header("Accept", "application/json")
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|_| FetchError::Network)?;
    read(response).await
}

async fn post_json<B: Serialize, T: DeserializeOwned>(
    path: &str,
    body: &B,
    idempotency_key: Option<&str>,
) -> Result<T, FetchError> {
    let mut request = Request::post(path).header("Accept", "application/json");
    if let Some(key) = idempotency_key {
        request = request.header("Idempotency-Key", key);
    }
    let response = request
        .json(body)
        .map_err(|_| FetchError::Server(ErrorCode::Internal))?
        .send()
        .await
        .map_err(|_| FetchError::Network)?;
    read(response).await
}

/// The data of a successful answer, or the error the server explained.
pub(crate) async fn read<T: DeserializeOwned>(response: Response) -> Result<T, FetchError> {
    if response.ok() {
        return response.json().await.map_err(|_| FetchError::Server(ErrorCode::Internal));
    }
    match response.json::<ApiError>().await {
        Ok(error) if !error.fields.is_empty() => Err(FetchError::Invalid(error.fields)),
        Ok(error) => Err(FetchError::Server(error.code)),
        // A proxy or gateway answered instead of our server.
        Err(_) if response.status() >= 500 => Err(FetchError::Server(ErrorCode::Unavailable)),
        Err(_) => Err(FetchError::Server(ErrorCode::Internal)),
    }
}

pub async fn bodies() -> Result<Vec<BodySummary>, FetchError> {
    get_json::<api::BodyList>("/api/v1/bodies").await.map(|list| list.items)
}

pub async fn body(slug: &str) -> Result<Body, FetchError> {
    // Only slugs that can exist are sent; anything else is simply not found.
    let slug = api::BodySlug::parse(slug).map_err(|_| FetchError::Server(ErrorCode::BodyNotFound))?;
    get_json(&format!("/api/v1/bodies/{slug}")).await
}

pub async fn challenge() -> Result<Challenge, FetchError> {
    get_json("/api/v1/questions/challenge").await
}

/// Sends a question; a retry with the same `idempotency_key` never creates a second one.
pub async fn submit_question(
    submission: &QuestionSubmission,
    idempotency_key: &str,
) -> Result<QuestionReceipt, FetchError> {
    post_json("/api/v1/questions", submission, Some(idempotency_key)).await
}

pub async fn confirm_question(token: String) -> Result<QuestionReceipt, FetchError> {
    post_json("/api/v1/questions/confirm", &ConfirmRequest { token }, None).await
}

/// A page of a body's published questions; `query` and `category` filter, `after` continues.
pub async fn archive(
    slug: &str,
    category: Option<i64>,
    query: &str,
    after: Option<&str>,
) -> Result<api::archive::ArchivePage, FetchError> {
    let slug = api::BodySlug::parse(slug).map_err(|_| FetchError::Server(ErrorCode::BodyNotFound))?;
    let mut params = vec![("q", query.to_owned())];
    if let Some(c) = category {
        params.push(("category", c.to_string()));
    }
    if let Some(a) = after {
        params.push(("after", a.to_owned()));
    }
    let query_string = web_sys::UrlSearchParams::new()
        .map(|p| {
            for (k, v) in &params {
                p.append(k, v);
            }
            String::from(p.to_string())
        })
        .unwrap_or_default();
    get_json(&format!("/api/v1/bodies/{slug}/questions?{query_string}")).await
}

pub async fn question(id: i64) -> Result<api::archive::PublishedQuestion, FetchError> {
    get_json(&format!("/api/v1/questions/{id}")).await
}

/// Records this browser's vote on an answer; returns the new counts.
pub async fn vote(id: i64, satisfied: bool, voter: String) -> Result<api::archive::Votes, FetchError> {
    post_json(&format!("/api/v1/questions/{id}/votes"), &api::archive::VoteRequest { satisfied, voter }, None).await
}

/// Sends the asker's rating from the emailed link.
pub async fn rate(id: i64, token: String, score: u8, comment: String) -> Result<(), FetchError> {
    let request = Request::post(&format!("/api/v1/questions/{id}/rating"))
        .header("Accept", "application/json")
        .json(&api::archive::RatingRequest { token, score, comment })
        .map_err(|_| FetchError::Server(ErrorCode::Internal))?;
    let response = request.send().await.map_err(|_| FetchError::Network)?;
    if response.ok() {
        return Ok(());
    }
    read::<()>(response).await
}
