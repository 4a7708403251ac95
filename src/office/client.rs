//! The office's calls to the server. Changes carry the session's CSRF token in `X-CSRF-Token`;
//! the session itself travels in its HttpOnly cookie.

use crate::client::{FetchError, get_json, read};
use api::ErrorCode;
use api::appeals::{AppealFile, FileId};
use api::cases::CaseId;
use api::domain::{FieldError, FieldProblem};
use api::office::{
    AnswerRequest, BodySettings, CalendarChange, CalendarEntry, CaseDetail, Executor, ExtendRequest, LeaveRequest,
    OfficeCase, PublishRequest, RedirectRequest, RegisterRequest, Registered, RejectRequest, ReturnRequest,
};
use api::staff::{LoginRequest, Me};
use gloo_net::http::{Method, RequestBuilder};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Sends a change; `T` is `()` for answers without a body (204).
pub(crate) async fn send<B: Serialize, T: DeserializeOwned>(
    method: Method,
    path: &str,
    body: Option<&B>,
    csrf: &str,
) -> Result<T, FetchError> {
    let builder =
        RequestBuilder::new(path).method(method).header("Accept", "application/json").header("X-CSRF-Token", csrf);
    let request = match body {
        Some(body) => builder.json(body),
        None => builder.build(),
    }
    .map_err(|_| FetchError::Server(ErrorCode::Internal))?;
    let response = request.send().await.map_err(|_| FetchError::Network)?;
    if response.status() == 204 {
        // `null` is what `()` deserialises from.
        return serde_json::from_str("null").map_err(|_| FetchError::Server(ErrorCode::Internal));
    }
    read(response).await
}

async fn post<B: Serialize, T: DeserializeOwned>(path: &str, body: &B, csrf: &str) -> Result<T, FetchError> {
    send(Method::POST, path, Some(body), csrf).await
}

pub async fn me() -> Result<Me, FetchError> {
    get_json("/api/v1/auth/me").await
}

pub async fn login(email: String, password: String) -> Result<Me, FetchError> {
    // No session yet, so no CSRF token either: sign-in is the one change without it.
    post("/api/v1/auth/login", &LoginRequest { email, password }, "").await
}

pub async fn logout(csrf: &str, everywhere: bool) -> Result<(), FetchError> {
    let path = if everywhere { "/api/v1/auth/logout-everywhere" } else { "/api/v1/auth/logout" };
    send::<(), ()>(Method::POST, path, None, csrf).await
}

/// The filters of a case list, as the list page's address carries them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseFilter {
    pub status: String,
    pub category: Option<i64>,
    pub lang: Option<String>,
    pub overdue: bool,
    pub mine: bool,
    /// `appeal` or `question`; both when `None`.
    pub channel: Option<String>,
}

impl CaseFilter {
    /// The query string, for both the API and the page's own address.
    pub fn query(&self) -> String {
        let mut parts = vec![format!("status={}", self.status)];
        if let Some(c) = self.category {
            parts.push(format!("category={c}"));
        }
        if let Some(l) = &self.lang {
            parts.push(format!("lang={l}"));
        }
        if self.overdue {
            parts.push("overdue=true".into());
        }
        if self.mine {
            parts.push("mine=true".into());
        }
        if let Some(c) = &self.channel {
            parts.push(format!("channel={c}"));
        }
        parts.join("&")
    }
}

pub async fn cases(slug: &str, filter: &CaseFilter) -> Result<Vec<OfficeCase>, FetchError> {
    let slug = api::BodySlug::parse(slug).map_err(|_| FetchError::Server(ErrorCode::BodyNotFound))?;
    get_json(&format!("/api/v1/office/bodies/{slug}/cases?{}", filter.query())).await
}

pub async fn case(id: i64) -> Result<CaseDetail, FetchError> {
    get_json(&format!("/api/v1/office/cases/{id}")).await
}

pub async fn executors(slug: &str) -> Result<Vec<Executor>, FetchError> {
    get_json(&format!("/api/v1/office/bodies/{slug}/executors")).await
}

pub async fn register(id: CaseId, request: &RegisterRequest, csrf: &str) -> Result<Registered, FetchError> {
    post(&format!("/api/v1/office/cases/{}/register", id.0), request, csrf).await
}

pub async fn reject(id: CaseId, request: &RejectRequest, csrf: &str) -> Result<(), FetchError> {
    post(&format!("/api/v1/office/cases/{}/reject", id.0), request, csrf).await
}

pub async fn redirect(id: CaseId, request: &RedirectRequest, csrf: &str) -> Result<(), FetchError> {
    post(&format!("/api/v1/office/cases/{}/redirect", id.0), request, csrf).await
}

pub async fn answer(id: CaseId, request: &AnswerRequest, csrf: &str) -> Result<(), FetchError> {
    post(&format!("/api/v1/office/cases/{}/answer", id.0), request, csrf).await
}

pub async fn publish(id: CaseId, request: &PublishRequest, csrf: &str) -> Result<(), FetchError> {
    post(&format!("/api/v1/office/cases/{}/publish", id.0), request, csrf).await
}

pub async fn send_back(id: CaseId, request: &ReturnRequest, csrf: &str) -> Result<(), FetchError> {
    post(&format!("/api/v1/office/cases/{}/return", id.0), request, csrf).await
}

pub async fn leave(id: CaseId, request: &LeaveRequest, csrf: &str) -> Result<(), FetchError> {
    post(&format!("/api/v1/office/cases/{}/leave", id.0), request, csrf).await
}

pub async fn extend(id: CaseId, request: &ExtendRequest, csrf: &str) -> Result<Registered, FetchError> {
    post(&format!("/api/v1/office/cases/{}/extend", id.0), request, csrf).await
}

/// Attaches a file to an appeal's decision (multipart, one part `file`).
pub async fn attach(id: CaseId, file: &web_sys::File, csrf: &str) -> Result<AppealFile, FetchError> {
    let internal = |_| FetchError::Server(ErrorCode::Internal);
    let form = web_sys::FormData::new().map_err(internal)?;
    form.append_with_blob_and_filename("file", file, &file.name()).map_err(internal)?;
    // The browser sets the multipart Content-Type with its boundary.
    let request = RequestBuilder::new(&format!("/api/v1/office/cases/{}/files", id.0))
        .method(Method::POST)
        .header("Accept", "application/json")
        .header("X-CSRF-Token", csrf)
        .body(form)
        .map_err(|_| FetchError::Server(ErrorCode::Internal))?;
    match read(request.send().await.map_err(|_| FetchError::Network)?).await {
        // Over the server's request limit: the same message as its own size check.
        Err(FetchError::Server(ErrorCode::PayloadTooLarge)) => {
            Err(FetchError::Invalid(vec![FieldError { field: "file".into(), problem: FieldProblem::TooLarge }]))
        }
        result => result,
    }
}

/// A stored file's download address (the session cookie opens it).
pub fn file_href(id: FileId) -> String {
    format!("/api/v1/office/files/{}", id.0)
}

pub async fn calendar(year: i32) -> Result<Vec<CalendarEntry>, FetchError> {
    get_json(&format!("/api/v1/office/calendar?year={year}")).await
}

pub async fn set_calendar_day(date: &str, change: &CalendarChange, csrf: &str) -> Result<CalendarEntry, FetchError> {
    send(Method::PUT, &format!("/api/v1/office/calendar/{date}"), Some(change), csrf).await
}

pub async fn remove_calendar_day(date: &str, csrf: &str) -> Result<(), FetchError> {
    send::<(), ()>(Method::DELETE, &format!("/api/v1/office/calendar/{date}"), None, csrf).await
}

pub async fn settings(slug: &str) -> Result<BodySettings, FetchError> {
    get_json(&format!("/api/v1/office/bodies/{slug}/settings")).await
}

pub async fn save_settings(slug: &str, settings: &BodySettings, csrf: &str) -> Result<BodySettings, FetchError> {
    send(Method::PUT, &format!("/api/v1/office/bodies/{slug}/settings"), Some(settings), csrf).await
}
