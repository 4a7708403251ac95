//! The public API calls of the sections pages: one function per endpoint.

use crate::client::{FetchError, get_json};
use api::archive::ArchivePage;
use api::content::{DialogueLink, FaqEntry, HeadProfile, Post, PostPage, ReceptionSlot};
use api::{BodySlug, ErrorCode, Lang};

/// The slug as the API takes it; a slug that cannot exist is simply not found.
fn slug(raw: &str) -> Result<BodySlug, FetchError> {
    BodySlug::parse(raw).map_err(|_| FetchError::Server(ErrorCode::BodyNotFound))
}

/// `pairs` as a URL query string, each value encoded.
fn query(pairs: &[(&str, &str)]) -> String {
    web_sys::UrlSearchParams::new()
        .map(|p| {
            for (k, v) in pairs {
                p.append(k, v);
            }
            String::from(p.to_string())
        })
        .unwrap_or_default()
}

pub async fn head(body: &str) -> Result<HeadProfile, FetchError> {
    get_json(&format!("/api/v1/bodies/{}/head", slug(body)?)).await
}

/// A page of the blog's posts in `lang`, newest first; `after` continues.
pub async fn posts(body: &str, lang: Lang, after: Option<&str>) -> Result<PostPage, FetchError> {
    let mut pairs = vec![("lang", lang.code())];
    if let Some(after) = after {
        pairs.push(("after", after));
    }
    get_json(&format!("/api/v1/bodies/{}/blog?{}", slug(body)?, query(&pairs))).await
}

pub async fn post(id: i64, lang: Lang) -> Result<Post, FetchError> {
    get_json(&format!("/api/v1/blog/{id}?lang={lang}")).await
}

/// A page of the questions asked on the blog and answered, newest first; `after` continues.
pub async fn blog_questions(body: &str, after: Option<&str>) -> Result<ArchivePage, FetchError> {
    let mut pairs = vec![("channel", "blog"), ("limit", "10")];
    if let Some(after) = after {
        pairs.push(("after", after));
    }
    get_json(&format!("/api/v1/bodies/{}/questions?{}", slug(body)?, query(&pairs))).await
}

pub async fn faq(body: &str) -> Result<Vec<FaqEntry>, FetchError> {
    get_json(&format!("/api/v1/bodies/{}/faq", slug(body)?)).await
}

pub async fn schedule(body: &str) -> Result<Vec<ReceptionSlot>, FetchError> {
    get_json(&format!("/api/v1/bodies/{}/schedule", slug(body)?)).await
}

pub async fn dialogue(body: &str) -> Result<Vec<DialogueLink>, FetchError> {
    get_json(&format!("/api/v1/bodies/{}/dialogue", slug(body)?)).await
}

/// The blog's Atom feed in `lang`, for the "Subscribe" link.
pub fn feed_href(body: &str, lang: Lang) -> String {
    format!("/api/v1/bodies/{body}/blog/feed?lang={lang}")
}
