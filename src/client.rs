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
    let slug = slug_of(slug)?;
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

/// `path` with `params` as its query string, each value encoded; `None` values are left out.
pub(crate) fn with_query(path: &str, params: &[(&str, Option<String>)]) -> String {
    let query = web_sys::UrlSearchParams::new()
        .map(|p| {
            for (k, v) in params {
                if let Some(v) = v {
                    p.append(k, v);
                }
            }
            String::from(p.to_string())
        })
        .unwrap_or_default();
    if query.is_empty() { path.to_owned() } else { format!("{path}?{query}") }
}

/// The body's slug, checked: a slug that cannot exist is simply not found, and never sent.
pub(crate) fn slug_of(slug: &str) -> Result<api::BodySlug, FetchError> {
    api::BodySlug::parse(slug).map_err(|_| FetchError::Server(ErrorCode::BodyNotFound))
}

/// A page of a body's published questions (not those to the head); `query` and `category` filter,
/// `after` continues.
pub async fn archive(
    slug: &str,
    category: Option<i64>,
    query: &str,
    after: Option<&str>,
) -> Result<api::archive::ArchivePage, FetchError> {
    let slug = slug_of(slug)?;
    // Questions to the head are answered on the blog, not in the body's archive.
    let params = [
        ("q", Some(query.to_owned())),
        ("category", category.map(|c| c.to_string())),
        ("after", after.map(str::to_owned)),
        ("channel", Some("question".to_owned())),
    ];
    get_json(&with_query(&format!("/api/v1/bodies/{slug}/questions"), &params)).await
}

/// The `limit` newest published answers of a body.
pub async fn latest_answers(slug: &str, limit: u8) -> Result<api::archive::ArchivePage, FetchError> {
    let slug = slug_of(slug)?;
    get_json(&with_query(&format!("/api/v1/bodies/{slug}/questions"), &[("limit", Some(limit.to_string()))])).await
}

/// A page of 20 published answers of every body (or of `body` only) that match `query`.
pub async fn search(
    query: &str,
    body: Option<&str>,
    after: Option<&str>,
) -> Result<api::archive::ArchivePage, FetchError> {
    let params = [
        ("q", Some(query.to_owned())),
        ("body", body.map(str::to_owned)),
        ("after", after.map(str::to_owned)),
        ("limit", Some("20".to_owned())),
    ];
    get_json(&with_query("/api/v1/questions", &params)).await
}

/// The body's head as the blog presents them; `NotFound` when the body has no head.
pub async fn head(slug: &str) -> Result<api::content::HeadProfile, FetchError> {
    let slug = slug_of(slug)?;
    get_json(&format!("/api/v1/bodies/{slug}/head")).await
}

/// A page of the body's blog posts that have a text in `lang`, newest first.
pub async fn posts(
    slug: &str,
    lang: api::Lang,
    after: Option<&str>,
    limit: Option<u8>,
) -> Result<api::content::PostPage, FetchError> {
    let slug = slug_of(slug)?;
    let params = [
        ("lang", Some(lang.code().to_owned())),
        ("after", after.map(str::to_owned)),
        ("limit", limit.map(|l| l.to_string())),
    ];
    get_json(&with_query(&format!("/api/v1/bodies/{slug}/blog"), &params)).await
}

/// The body's reception sessions that have not ended, soonest first.
pub async fn schedule(slug: &str) -> Result<Vec<api::content::ReceptionSlot>, FetchError> {
    let slug = slug_of(slug)?;
    get_json(&format!("/api/v1/bodies/{slug}/schedule")).await
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
