//! The typed client of the server's API: one function per endpoint, one error type.

use api::{ApiError, Body, BodySummary, ErrorCode};
use gloo_net::http::Request;
use serde::de::DeserializeOwned;

/// Why a request gave no data, in terms the page can explain to a citizen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchError {
    /// The server could not be reached.
    Network,
    /// The server answered with this error code.
    Server(ErrorCode),
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

async fn get_json<T: DeserializeOwned>(path: &str) -> Result<T, FetchError> {
    let guard = AbortOnDrop(web_sys::AbortController::new().ok());
    let signal = guard.0.as_ref().map(|c| c.signal());
    let response = Request::get(path)
        .header("Accept", "application/json")
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|_| FetchError::Network)?;
    if response.ok() {
        return response.json().await.map_err(|_| FetchError::Server(ErrorCode::Internal));
    }
    let code = match response.json::<ApiError>().await {
        Ok(error) => error.code,
        // A proxy or gateway answered instead of our server.
        Err(_) if response.status() >= 500 => ErrorCode::Unavailable,
        Err(_) => ErrorCode::Internal,
    };
    Err(FetchError::Server(code))
}

pub async fn bodies() -> Result<Vec<BodySummary>, FetchError> {
    get_json::<api::BodyList>("/api/v1/bodies").await.map(|list| list.items)
}

pub async fn body(slug: &str) -> Result<Body, FetchError> {
    // Only slugs that can exist are sent; anything else is simply not found.
    let slug = api::BodySlug::parse(slug).map_err(|_| FetchError::Server(ErrorCode::BodyNotFound))?;
    get_json(&format!("/api/v1/bodies/{slug}")).await
}
