//! The sections pages' API calls that only they make, one function per endpoint. The head's
//! profile, the blog's posts and the schedule are in `crate::client`, which the body's page
//! shares.

use crate::client::{FetchError, get_json, slug_of, with_query};
use api::Lang;
use api::archive::ArchivePage;
use api::content::{DialogueLink, FaqEntry, Post};

/// A published post, its text in `lang` if it has one.
pub async fn post(id: i64, lang: Lang) -> Result<Post, FetchError> {
    get_json(&format!("/api/v1/blog/{id}?lang={lang}")).await
}

/// A page of ten questions asked on the blog and answered, newest first; `after` continues.
pub async fn blog_questions(body: &str, after: Option<&str>) -> Result<ArchivePage, FetchError> {
    let params =
        [("channel", Some("blog".to_owned())), ("limit", Some("10".to_owned())), ("after", after.map(str::to_owned))];
    get_json(&with_query(&format!("/api/v1/bodies/{}/questions", slug_of(body)?), &params)).await
}

pub async fn faq(body: &str) -> Result<Vec<FaqEntry>, FetchError> {
    get_json(&format!("/api/v1/bodies/{}/faq", slug_of(body)?)).await
}

pub async fn dialogue(body: &str) -> Result<Vec<DialogueLink>, FetchError> {
    get_json(&format!("/api/v1/bodies/{}/dialogue", slug_of(body)?)).await
}

/// The blog's Atom feed in `lang`, for the "Subscribe" link.
pub fn feed_href(body: &str, lang: Lang) -> String {
    format!("/api/v1/bodies/{body}/blog/feed?lang={lang}")
}
