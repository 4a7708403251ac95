//! The editor's calls to the server: a body's posts, the head's profile, FAQ entries, reception
//! sessions, open dialogue links and indicators. Changes carry the CSRF token, as in the office.

use crate::client::{FetchError, get_json, read};
use crate::office::client::send;
use api::ErrorCode;
use api::content::{
    DialogueIndicators, DialogueLink, FaqDraft, FaqEntry, FaqId, HeadProfile, HeadProfileDraft, IMAGE_MAX_BYTES, Image,
    LinkDraft, LinkId, OfficePost, PostDraft, PostId, ReceptionSlot, SlotDraft, SlotId,
};
use api::domain::{FieldError, FieldProblem};
use gloo_net::http::{Method, RequestBuilder};

/// `/api/v1/office/bodies/{slug}{rest}`, for slugs that can exist (anything else is simply not found).
fn office(slug: &str, rest: &str) -> Result<String, FetchError> {
    let slug = api::BodySlug::parse(slug).map_err(|_| FetchError::Server(ErrorCode::BodyNotFound))?;
    Ok(format!("/api/v1/office/bodies/{slug}{rest}"))
}

fn public(slug: &str, rest: &str) -> Result<String, FetchError> {
    let slug = api::BodySlug::parse(slug).map_err(|_| FetchError::Server(ErrorCode::BodyNotFound))?;
    Ok(format!("/api/v1/bodies/{slug}{rest}"))
}

pub async fn posts(slug: &str) -> Result<Vec<OfficePost>, FetchError> {
    get_json(&office(slug, "/blog")?).await
}

pub async fn post(slug: &str, id: PostId) -> Result<OfficePost, FetchError> {
    get_json(&office(slug, &format!("/blog/{}", id.0))?).await
}

/// Creates the post, or changes it when it has an id.
pub async fn save_post(
    slug: &str,
    id: Option<PostId>,
    draft: &PostDraft,
    csrf: &str,
) -> Result<OfficePost, FetchError> {
    match id {
        Some(id) => send(Method::PUT, &office(slug, &format!("/blog/{}", id.0))?, Some(draft), csrf).await,
        None => send(Method::POST, &office(slug, "/blog")?, Some(draft), csrf).await,
    }
}

pub async fn delete_post(slug: &str, id: PostId, csrf: &str) -> Result<(), FetchError> {
    send::<(), ()>(Method::DELETE, &office(slug, &format!("/blog/{}", id.0))?, None, csrf).await
}

/// Uploads an image (multipart, one part `file`). The browser's own checks come first, with the
/// server's field names, so both speak with one voice.
pub async fn upload_image(slug: &str, file: &web_sys::File, csrf: &str) -> Result<Image, FetchError> {
    let refuse = |problem| Err(FetchError::Invalid(vec![FieldError { field: "file".into(), problem }]));
    if !matches!(file.type_().as_str(), "image/png" | "image/jpeg") {
        return refuse(FieldProblem::FileType);
    }
    if file.size() > IMAGE_MAX_BYTES as f64 {
        return refuse(FieldProblem::TooLarge);
    }
    let internal = |_| FetchError::Server(ErrorCode::Internal);
    let form = web_sys::FormData::new().map_err(internal)?;
    form.append_with_blob_and_filename("file", file, &file.name()).map_err(internal)?;
    // The browser sets the multipart Content-Type with its boundary.
    let request = RequestBuilder::new(&office(slug, "/media")?)
        .method(Method::POST)
        .header("Accept", "application/json")
        .header("X-CSRF-Token", csrf)
        .body(form)
        .map_err(|_| FetchError::Server(ErrorCode::Internal))?;
    match read(request.send().await.map_err(|_| FetchError::Network)?).await {
        Err(FetchError::Server(ErrorCode::PayloadTooLarge)) => refuse(FieldProblem::TooLarge),
        result => result,
    }
}

/// The head's profile; `None` while the body has none yet.
pub async fn head(slug: &str) -> Result<Option<HeadProfile>, FetchError> {
    match get_json(&office(slug, "/head")?).await {
        Ok(profile) => Ok(Some(profile)),
        Err(FetchError::Server(ErrorCode::NotFound)) => Ok(None),
        Err(error) => Err(error),
    }
}

pub async fn save_head(slug: &str, draft: &HeadProfileDraft, csrf: &str) -> Result<HeadProfile, FetchError> {
    send(Method::PUT, &office(slug, "/head")?, Some(draft), csrf).await
}

/// The FAQ as the public reads it: every entry, by category then position.
pub async fn faq(slug: &str) -> Result<Vec<FaqEntry>, FetchError> {
    get_json(&public(slug, "/faq")?).await
}

pub async fn save_faq(slug: &str, id: Option<FaqId>, draft: &FaqDraft, csrf: &str) -> Result<FaqEntry, FetchError> {
    match id {
        Some(id) => send(Method::PUT, &office(slug, &format!("/faq/{}", id.0))?, Some(draft), csrf).await,
        None => send(Method::POST, &office(slug, "/faq")?, Some(draft), csrf).await,
    }
}

pub async fn delete_faq(slug: &str, id: FaqId, csrf: &str) -> Result<(), FetchError> {
    send::<(), ()>(Method::DELETE, &office(slug, &format!("/faq/{}", id.0))?, None, csrf).await
}

/// Upcoming sessions and those of the last 90 days.
pub async fn schedule(slug: &str) -> Result<Vec<ReceptionSlot>, FetchError> {
    get_json(&office(slug, "/schedule")?).await
}

pub async fn save_slot(
    slug: &str,
    id: Option<SlotId>,
    draft: &SlotDraft,
    csrf: &str,
) -> Result<ReceptionSlot, FetchError> {
    match id {
        Some(id) => send(Method::PUT, &office(slug, &format!("/schedule/{}", id.0))?, Some(draft), csrf).await,
        None => send(Method::POST, &office(slug, "/schedule")?, Some(draft), csrf).await,
    }
}

/// Refused with `Conflict` when citizens have asked for the session.
pub async fn delete_slot(slug: &str, id: SlotId, csrf: &str) -> Result<(), FetchError> {
    send::<(), ()>(Method::DELETE, &office(slug, &format!("/schedule/{}", id.0))?, None, csrf).await
}

pub async fn dialogue(slug: &str) -> Result<Vec<DialogueLink>, FetchError> {
    get_json(&public(slug, "/dialogue")?).await
}

pub async fn save_link(
    slug: &str,
    id: Option<LinkId>,
    draft: &LinkDraft,
    csrf: &str,
) -> Result<DialogueLink, FetchError> {
    match id {
        Some(id) => send(Method::PUT, &office(slug, &format!("/dialogue/{}", id.0))?, Some(draft), csrf).await,
        None => send(Method::POST, &office(slug, "/dialogue")?, Some(draft), csrf).await,
    }
}

pub async fn delete_link(slug: &str, id: LinkId, csrf: &str) -> Result<(), FetchError> {
    send::<(), ()>(Method::DELETE, &office(slug, &format!("/dialogue/{}", id.0))?, None, csrf).await
}

pub async fn indicators(slug: &str, year: i32) -> Result<DialogueIndicators, FetchError> {
    get_json(&office(slug, &format!("/indicators?year={year}"))?).await
}
