//! The office's content editor: the head's profile and blog, images, the FAQ, the reception
//! schedule, the open dialogue links, and the Open Dialogue indicators. The head and the
//! moderators edit (the body's administrator passes every check); every text of HTML is
//! sanitised before it is stored.

use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiJson, AppError};
use crate::rich_text::sanitize;
use crate::routes::office::{authorize_body, field_error};
use crate::store::sections::{self, Deletable};
use crate::store::{blog, workflow::kazakhstan_date};
use crate::uploads::{self, Refused};
use api::appeals::FileKind;
use api::content::{
    DialogueIndicators, DialogueLink, FaqDraft, FaqEntry, FaqId, HeadProfile, HeadProfileDraft, IMAGE_MAX_BYTES, Image,
    LangPosts, LinkDraft, LinkId, LocalizedDraft, MediaId, OfficePost, PostDraft, PostId, ReceptionSlot, SlotDraft,
    SlotId, answered_share, blog_points_tenths,
};
use api::domain::FieldProblem;
use api::staff::Role;
use api::{ApiError, ErrorCode, Lang, Localized};
use axum::Json;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use chrono::{Datelike, Duration, NaiveDate, Utc};
use serde::Deserialize;

/// Who edits what a body publishes.
const EDITORS: [Role; 2] = [Role::Head, Role::Moderator];

async fn editor_of(state: &AppState, staff: &Staff, slug: &str) -> Result<i64, AppError> {
    authorize_body(state, staff, slug, &EDITORS).await
}

fn not_found(what: &str) -> AppError {
    AppError::new(ErrorCode::NotFound, format!("The body has no such {what}."))
}

fn id_of(raw: &str, what: &str) -> Result<i64, AppError> {
    raw.parse().map_err(|_| not_found(what))
}

/// An image the body uploaded, or the field's error.
async fn own_image(state: &AppState, body: i64, image: Option<MediaId>, field: &str) -> Result<(), AppError> {
    match image {
        Some(id) if !blog::media_of_body(&state.db, body, id).await? => {
            Err(field_error(field, FieldProblem::UnknownChoice))
        }
        _ => Ok(()),
    }
}

fn sanitized(text: &LocalizedDraft) -> LocalizedDraft {
    LocalizedDraft { kk: sanitize(&text.kk), ru: sanitize(&text.ru), en: sanitize(&text.en) }
}

/// Uploads an image (PNG or JPEG by content, 5 MB at most) for a profile or a post.
#[utoipa::path(
    post,
    path = "/office/bodies/{slug}/media",
    tag = "editor",
    params(("slug" = String, Path, description = "The body's short name")),
    request_body(content_type = "multipart/form-data", description = "One part `file`"),
    responses(
        (status = 201, description = "Stored; its alt texts are empty until a profile or post gives them", body = Image),
        (status = 403, description = "Not the head or a moderator of the body", body = ApiError),
        (status = 422, description = "Field `file`: missing, `too_large` or `file_type`", body = ApiError)
    )
)]
pub async fn upload(
    State(state): State<AppState>,
    staff: Staff,
    Path(slug): Path<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<(StatusCode, Json<Image>), AppError> {
    let body = editor_of(&state, &staff, &slug).await?;
    let mut multipart = multipart
        .map_err(|_| AppError::new(ErrorCode::MalformedJson, "Send the image as multipart/form-data, part `file`."))?;
    let mut upload = None;
    while let Some(part) = multipart.next_field().await.map_err(uploads::multipart_error)? {
        if part.name() == Some("file") && upload.is_none() {
            upload = Some(uploads::read_file(part).await?);
        }
    }
    let upload = match upload {
        None => return Err(field_error("file", FieldProblem::Missing)),
        Some(Err(Refused::TooLarge)) => return Err(field_error("file", FieldProblem::TooLarge)),
        Some(Err(Refused::NotAccepted)) => return Err(field_error("file", FieldProblem::FileType)),
        Some(Ok(upload)) if upload.bytes.len() > IMAGE_MAX_BYTES => {
            return Err(field_error("file", FieldProblem::TooLarge));
        }
        Some(Ok(upload)) => upload,
    };
    let kind = match upload.kind {
        FileKind::Png => "png",
        FileKind::Jpeg => "jpeg",
        FileKind::Pdf | FileKind::Docx => return Err(field_error("file", FieldProblem::FileType)),
    };
    let id = blog::add_media(&state.db, body, kind, &upload.bytes, Utc::now()).await?;
    let empty = Localized { kk: String::new(), ru: String::new(), en: String::new() };
    Ok((StatusCode::CREATED, Json(Image { id: MediaId(id), url: blog::media_url(id), alt: empty })))
}

/// The head's profile as it is now.
#[utoipa::path(
    get,
    path = "/office/bodies/{slug}/head",
    tag = "editor",
    params(("slug" = String, Path, description = "The body's short name")),
    responses(
        (status = 200, description = "The profile", body = HeadProfile),
        (status = 403, description = "Not the head or a moderator of the body", body = ApiError),
        (status = 404, description = "No head on record yet (`not_found`)", body = ApiError)
    )
)]
pub async fn head(
    State(state): State<AppState>,
    staff: Staff,
    Path(slug): Path<String>,
) -> Result<Json<HeadProfile>, AppError> {
    let body = editor_of(&state, &staff, &slug).await?;
    blog::head_profile(&state.db, body).await?.map(Json).ok_or_else(|| not_found("head"))
}

/// Replaces the head's name, position, biography and photo.
#[utoipa::path(
    put,
    path = "/office/bodies/{slug}/head",
    tag = "editor",
    params(("slug" = String, Path, description = "The body's short name")),
    request_body = HeadProfileDraft,
    responses(
        (status = 200, description = "Saved", body = HeadProfile),
        (status = 403, description = "Not the head or a moderator of the body", body = ApiError),
        (status = 422, description = "A field is missing or too long, or `photo` is not the body's image", body = ApiError)
    )
)]
pub async fn save_head(
    State(state): State<AppState>,
    staff: Staff,
    Path(slug): Path<String>,
    ApiJson(draft): ApiJson<HeadProfileDraft>,
) -> Result<Json<HeadProfile>, AppError> {
    let body = editor_of(&state, &staff, &slug).await?;
    draft.validate().map_err(AppError::invalid_fields)?;
    own_image(&state, body, draft.photo, "photo").await?;
    blog::save_head_profile(&state.db, body, &draft).await?;
    blog::head_profile(&state.db, body).await?.map(Json).ok_or_else(|| not_found("head"))
}

/// Every post of the body, drafts and scheduled ones included, newest first.
#[utoipa::path(
    get,
    path = "/office/bodies/{slug}/blog",
    tag = "editor",
    params(("slug" = String, Path, description = "The body's short name")),
    responses(
        (status = 200, description = "The posts", body = Vec<OfficePost>),
        (status = 403, description = "Not the head or a moderator of the body", body = ApiError)
    )
)]
pub async fn posts(
    State(state): State<AppState>,
    staff: Staff,
    Path(slug): Path<String>,
) -> Result<Json<Vec<OfficePost>>, AppError> {
    let body = editor_of(&state, &staff, &slug).await?;
    Ok(Json(blog::office_posts(&state.db, body).await?))
}

/// Checks a post and sanitises its texts.
async fn checked_post(state: &AppState, body: i64, mut draft: PostDraft) -> Result<PostDraft, AppError> {
    draft.validate().map_err(AppError::invalid_fields)?;
    own_image(state, body, draft.cover, "cover").await?;
    for text in &mut draft.texts {
        text.body_html = sanitize(&text.body_html);
    }
    Ok(draft)
}

/// Creates a post: a draft, published now, or scheduled (`publish_at` in the future).
#[utoipa::path(
    post,
    path = "/office/bodies/{slug}/blog",
    tag = "editor",
    params(("slug" = String, Path, description = "The body's short name")),
    request_body = PostDraft,
    responses(
        (status = 201, description = "Created", body = OfficePost),
        (status = 403, description = "Not the head or a moderator of the body", body = ApiError),
        (status = 422, description = "`texts`, a title or text, or a cover's alt text is missing or too long", body = ApiError)
    )
)]
pub async fn create_post(
    State(state): State<AppState>,
    staff: Staff,
    Path(slug): Path<String>,
    ApiJson(draft): ApiJson<PostDraft>,
) -> Result<(StatusCode, Json<OfficePost>), AppError> {
    let body = editor_of(&state, &staff, &slug).await?;
    let draft = checked_post(&state, body, draft).await?;
    let id = blog::create_post(&state.db, body, &draft, Utc::now()).await?;
    let post = blog::office_post(&state.db, body, id).await?.ok_or_else(|| not_found("post"))?;
    Ok((StatusCode::CREATED, Json(post)))
}

/// One post of the body.
#[utoipa::path(
    get,
    path = "/office/bodies/{slug}/blog/{id}",
    tag = "editor",
    params(("slug" = String, Path, description = "The body's short name"), ("id" = i64, Path, description = "The post")),
    responses(
        (status = 200, description = "The post", body = OfficePost),
        (status = 403, description = "Not the head or a moderator of the body", body = ApiError),
        (status = 404, description = "The body has no such post (`not_found`)", body = ApiError)
    )
)]
pub async fn office_post(
    State(state): State<AppState>,
    staff: Staff,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<OfficePost>, AppError> {
    let body = editor_of(&state, &staff, &slug).await?;
    let id = PostId(id_of(&id, "post")?);
    blog::office_post(&state.db, body, id).await?.map(Json).ok_or_else(|| not_found("post"))
}

/// Replaces a post.
#[utoipa::path(
    put,
    path = "/office/bodies/{slug}/blog/{id}",
    tag = "editor",
    params(("slug" = String, Path, description = "The body's short name"), ("id" = i64, Path, description = "The post")),
    request_body = PostDraft,
    responses(
        (status = 200, description = "Saved", body = OfficePost),
        (status = 403, description = "Not the head or a moderator of the body", body = ApiError),
        (status = 404, description = "The body has no such post (`not_found`)", body = ApiError),
        (status = 422, description = "As when creating", body = ApiError)
    )
)]
pub async fn update_post(
    State(state): State<AppState>,
    staff: Staff,
    Path((slug, id)): Path<(String, String)>,
    ApiJson(draft): ApiJson<PostDraft>,
) -> Result<Json<OfficePost>, AppError> {
    let body = editor_of(&state, &staff, &slug).await?;
    let id = PostId(id_of(&id, "post")?);
    let draft = checked_post(&state, body, draft).await?;
    if !blog::update_post(&state.db, body, id, &draft, Utc::now()).await? {
        return Err(not_found("post"));
    }
    blog::office_post(&state.db, body, id).await?.map(Json).ok_or_else(|| not_found("post"))
}

/// Deletes a post.
#[utoipa::path(
    delete,
    path = "/office/bodies/{slug}/blog/{id}",
    tag = "editor",
    params(("slug" = String, Path, description = "The body's short name"), ("id" = i64, Path, description = "The post")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "Not the head or a moderator of the body", body = ApiError),
        (status = 404, description = "The body has no such post (`not_found`)", body = ApiError)
    )
)]
pub async fn delete_post(
    State(state): State<AppState>,
    staff: Staff,
    Path((slug, id)): Path<(String, String)>,
) -> Result<StatusCode, AppError> {
    let body = editor_of(&state, &staff, &slug).await?;
    let id = PostId(id_of(&id, "post")?);
    if blog::delete_post(&state.db, body, id).await? { Ok(StatusCode::NO_CONTENT) } else { Err(not_found("post")) }
}

async fn checked_faq(state: &AppState, body: i64, draft: FaqDraft) -> Result<FaqDraft, AppError> {
    draft.validate().map_err(AppError::invalid_fields)?;
    if let Some(category) = draft.category_id
        && !sections::category_of_body(&state.db, body, category).await?
    {
        return Err(field_error("category_id", FieldProblem::UnknownChoice));
    }
    Ok(FaqDraft { answer_html: sanitized(&draft.answer_html), ..draft })
}

/// Adds an FAQ entry.
#[utoipa::path(
    post,
    path = "/office/bodies/{slug}/faq",
    tag = "editor",
    params(("slug" = String, Path, description = "The body's short name")),
    request_body = FaqDraft,
    responses(
        (status = 201, description = "Added", body = FaqEntry),
        (status = 403, description = "Not the head or a moderator of the body", body = ApiError),
        (status = 422, description = "A question or answer is missing or too long, or the category is not the body's", body = ApiError)
    )
)]
pub async fn create_faq(
    State(state): State<AppState>,
    staff: Staff,
    Path(slug): Path<String>,
    ApiJson(draft): ApiJson<FaqDraft>,
) -> Result<(StatusCode, Json<FaqEntry>), AppError> {
    let body = editor_of(&state, &staff, &slug).await?;
    let draft = checked_faq(&state, body, draft).await?;
    let id = sections::save_faq(&state.db, body, None, &draft).await?.ok_or_else(|| not_found("entry"))?;
    let entry = sections::faq_entry(&state.db, body, id).await?.ok_or_else(|| not_found("entry"))?;
    Ok((StatusCode::CREATED, Json(entry)))
}

/// Replaces an FAQ entry.
#[utoipa::path(
    put,
    path = "/office/bodies/{slug}/faq/{id}",
    tag = "editor",
    params(("slug" = String, Path, description = "The body's short name"), ("id" = i64, Path, description = "The entry")),
    request_body = FaqDraft,
    responses(
        (status = 200, description = "Saved", body = FaqEntry),
        (status = 403, description = "Not the head or a moderator of the body", body = ApiError),
        (status = 404, description = "The body has no such entry (`not_found`)", body = ApiError),
        (status = 422, description = "As when adding", body = ApiError)
    )
)]
pub async fn update_faq(
    State(state): State<AppState>,
    staff: Staff,
    Path((slug, id)): Path<(String, String)>,
    ApiJson(draft): ApiJson<FaqDraft>,
) -> Result<Json<FaqEntry>, AppError> {
    let body = editor_of(&state, &staff, &slug).await?;
    let id = FaqId(id_of(&id, "entry")?);
    let draft = checked_faq(&state, body, draft).await?;
    let id = sections::save_faq(&state.db, body, Some(id), &draft).await?.ok_or_else(|| not_found("entry"))?;
    sections::faq_entry(&state.db, body, id).await?.map(Json).ok_or_else(|| not_found("entry"))
}

/// Deletes an FAQ entry.
#[utoipa::path(
    delete,
    path = "/office/bodies/{slug}/faq/{id}",
    tag = "editor",
    params(("slug" = String, Path, description = "The body's short name"), ("id" = i64, Path, description = "The entry")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "Not the head or a moderator of the body", body = ApiError),
        (status = 404, description = "The body has no such entry (`not_found`)", body = ApiError)
    )
)]
pub async fn delete_faq(
    State(state): State<AppState>,
    staff: Staff,
    Path((slug, id)): Path<(String, String)>,
) -> Result<StatusCode, AppError> {
    let body = editor_of(&state, &staff, &slug).await?;
    let id = FaqId(id_of(&id, "entry")?);
    if sections::delete(&state.db, body, Deletable::Faq(id)).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(not_found("entry"))
    }
}

/// The body's sessions from 90 days back on, with the requests each has.
#[utoipa::path(
    get,
    path = "/office/bodies/{slug}/schedule",
    tag = "editor",
    params(("slug" = String, Path, description = "The body's short name")),
    responses(
        (status = 200, description = "The sessions", body = Vec<ReceptionSlot>),
        (status = 403, description = "Not the head or a moderator of the body", body = ApiError)
    )
)]
pub async fn schedule(
    State(state): State<AppState>,
    staff: Staff,
    Path(slug): Path<String>,
) -> Result<Json<Vec<ReceptionSlot>>, AppError> {
    let body = editor_of(&state, &staff, &slug).await?;
    Ok(Json(sections::schedule(&state.db, body, Utc::now() - Duration::days(90)).await?))
}

/// Adds a reception session.
#[utoipa::path(
    post,
    path = "/office/bodies/{slug}/schedule",
    tag = "editor",
    params(("slug" = String, Path, description = "The body's short name")),
    request_body = SlotDraft,
    responses(
        (status = 201, description = "Added", body = ReceptionSlot),
        (status = 403, description = "Not the head or a moderator of the body", body = ApiError),
        (status = 422, description = "A text is missing, `starts_at` is past (`too_early`), or `minutes`/`capacity` out of range", body = ApiError)
    )
)]
pub async fn create_slot(
    State(state): State<AppState>,
    staff: Staff,
    Path(slug): Path<String>,
    ApiJson(draft): ApiJson<SlotDraft>,
) -> Result<(StatusCode, Json<ReceptionSlot>), AppError> {
    let body = editor_of(&state, &staff, &slug).await?;
    draft.validate(Utc::now().timestamp()).map_err(AppError::invalid_fields)?;
    let id = sections::save_slot(&state.db, body, None, &draft).await?.ok_or_else(|| not_found("session"))?;
    let slot = sections::slot(&state.db, body, id).await?.ok_or_else(|| not_found("session"))?;
    Ok((StatusCode::CREATED, Json(slot)))
}

/// Changes a reception session.
#[utoipa::path(
    put,
    path = "/office/bodies/{slug}/schedule/{id}",
    tag = "editor",
    params(("slug" = String, Path, description = "The body's short name"), ("id" = i64, Path, description = "The session")),
    request_body = SlotDraft,
    responses(
        (status = 200, description = "Saved", body = ReceptionSlot),
        (status = 403, description = "Not the head or a moderator of the body", body = ApiError),
        (status = 404, description = "The body has no such session (`not_found`)", body = ApiError),
        (status = 422, description = "As when adding", body = ApiError)
    )
)]
pub async fn update_slot(
    State(state): State<AppState>,
    staff: Staff,
    Path((slug, id)): Path<(String, String)>,
    ApiJson(draft): ApiJson<SlotDraft>,
) -> Result<Json<ReceptionSlot>, AppError> {
    let body = editor_of(&state, &staff, &slug).await?;
    let id = SlotId(id_of(&id, "session")?);
    draft.validate(Utc::now().timestamp()).map_err(AppError::invalid_fields)?;
    let id = sections::save_slot(&state.db, body, Some(id), &draft).await?.ok_or_else(|| not_found("session"))?;
    sections::slot(&state.db, body, id).await?.map(Json).ok_or_else(|| not_found("session"))
}

/// Deletes a reception session that nobody has asked for.
#[utoipa::path(
    delete,
    path = "/office/bodies/{slug}/schedule/{id}",
    tag = "editor",
    params(("slug" = String, Path, description = "The body's short name"), ("id" = i64, Path, description = "The session")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "Not the head or a moderator of the body", body = ApiError),
        (status = 404, description = "The body has no such session (`not_found`)", body = ApiError),
        (status = 409, description = "Citizens have asked for this session (`conflict`); change it instead", body = ApiError)
    )
)]
pub async fn delete_slot(
    State(state): State<AppState>,
    staff: Staff,
    Path((slug, id)): Path<(String, String)>,
) -> Result<StatusCode, AppError> {
    let body = editor_of(&state, &staff, &slug).await?;
    let id = SlotId(id_of(&id, "session")?);
    if sections::slot_has_requests(&state.db, id).await? {
        return Err(AppError::new(ErrorCode::Conflict, "Citizens have asked for this session; it cannot be deleted."));
    }
    if sections::delete(&state.db, body, Deletable::Slot(id)).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(not_found("session"))
    }
}

/// Adds an open dialogue link.
#[utoipa::path(
    post,
    path = "/office/bodies/{slug}/dialogue",
    tag = "editor",
    params(("slug" = String, Path, description = "The body's short name")),
    request_body = LinkDraft,
    responses(
        (status = 201, description = "Added", body = DialogueLink),
        (status = 403, description = "Not the head or a moderator of the body", body = ApiError),
        (status = 422, description = "A title is missing, `url` is not an https address, or `ends_at` is before `starts_at`", body = ApiError)
    )
)]
pub async fn create_link(
    State(state): State<AppState>,
    staff: Staff,
    Path(slug): Path<String>,
    ApiJson(draft): ApiJson<LinkDraft>,
) -> Result<(StatusCode, Json<DialogueLink>), AppError> {
    let body = editor_of(&state, &staff, &slug).await?;
    draft.validate().map_err(AppError::invalid_fields)?;
    let id = sections::save_link(&state.db, body, None, &draft).await?.ok_or_else(|| not_found("link"))?;
    Ok((StatusCode::CREATED, Json(link(&state, body, id).await?)))
}

async fn link(state: &AppState, body: i64, id: LinkId) -> Result<DialogueLink, AppError> {
    let links = sections::dialogue(&state.db, body, Utc::now()).await?;
    links.into_iter().find(|l| l.id == id).ok_or_else(|| not_found("link"))
}

/// Changes an open dialogue link.
#[utoipa::path(
    put,
    path = "/office/bodies/{slug}/dialogue/{id}",
    tag = "editor",
    params(("slug" = String, Path, description = "The body's short name"), ("id" = i64, Path, description = "The link")),
    request_body = LinkDraft,
    responses(
        (status = 200, description = "Saved", body = DialogueLink),
        (status = 403, description = "Not the head or a moderator of the body", body = ApiError),
        (status = 404, description = "The body has no such link (`not_found`)", body = ApiError),
        (status = 422, description = "As when adding", body = ApiError)
    )
)]
pub async fn update_link(
    State(state): State<AppState>,
    staff: Staff,
    Path((slug, id)): Path<(String, String)>,
    ApiJson(draft): ApiJson<LinkDraft>,
) -> Result<Json<DialogueLink>, AppError> {
    let body = editor_of(&state, &staff, &slug).await?;
    let id = LinkId(id_of(&id, "link")?);
    draft.validate().map_err(AppError::invalid_fields)?;
    let id = sections::save_link(&state.db, body, Some(id), &draft).await?.ok_or_else(|| not_found("link"))?;
    Ok(Json(link(&state, body, id).await?))
}

/// Deletes an open dialogue link.
#[utoipa::path(
    delete,
    path = "/office/bodies/{slug}/dialogue/{id}",
    tag = "editor",
    params(("slug" = String, Path, description = "The body's short name"), ("id" = i64, Path, description = "The link")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "Not the head or a moderator of the body", body = ApiError),
        (status = 404, description = "The body has no such link (`not_found`)", body = ApiError)
    )
)]
pub async fn delete_link(
    State(state): State<AppState>,
    staff: Staff,
    Path((slug, id)): Path<(String, String)>,
) -> Result<StatusCode, AppError> {
    let body = editor_of(&state, &staff, &slug).await?;
    let id = LinkId(id_of(&id, "link")?);
    if sections::delete(&state.db, body, Deletable::Link(id)).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(not_found("link"))
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct YearParam {
    /// The calendar year; this year when absent.
    year: Option<String>,
}

/// The body's Open Dialogue indicators for a year: blog posts per language and their points
/// (003, Table 6), and the share of blog questions answered against the 90 % threshold
/// (003, Table 11). The year runs in Kazakhstan's time.
#[utoipa::path(
    get,
    path = "/office/bodies/{slug}/indicators",
    tag = "editor",
    params(("slug" = String, Path, description = "The body's short name"), YearParam),
    responses(
        (status = 200, description = "The indicators", body = DialogueIndicators),
        (status = 403, description = "Not the head or a moderator of the body", body = ApiError),
        (status = 422, description = "`year` is not a year between 2000 and 2100", body = ApiError)
    )
)]
pub async fn indicators(
    State(state): State<AppState>,
    staff: Staff,
    Path(slug): Path<String>,
    Query(params): Query<YearParam>,
) -> Result<Json<DialogueIndicators>, AppError> {
    let body = editor_of(&state, &staff, &slug).await?;
    let now = Utc::now();
    let year = match params.year.as_deref().filter(|y| !y.is_empty()) {
        None => kazakhstan_date(now).year(),
        Some(raw) => raw
            .parse()
            .ok()
            .filter(|y| (2000..=2100).contains(y))
            .ok_or_else(|| field_error("year", FieldProblem::BadFormat))?,
    };
    // Midnight in Astana (UTC+5) on 1 January, as a UTC instant.
    let start_of = |y: i32| {
        NaiveDate::from_ymd_opt(y, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0)).map(|t| t.and_utc() - Duration::hours(5))
    };
    let (Some(from), Some(to)) = (start_of(year), start_of(year + 1)) else {
        return Err(field_error("year", FieldProblem::BadFormat));
    };
    let counted = blog::posts_per_language(&state.db, body, from, to.min(now)).await?;
    let posts = Lang::ALL
        .into_iter()
        .map(|lang| {
            let posts = counted.iter().find(|(l, _)| l == lang.code()).map_or(0, |(_, n)| *n);
            LangPosts { lang, posts, points_tenths: blog_points_tenths(posts) }
        })
        .collect();
    let (blog_questions, blog_answered) = sections::blog_questions(&state.db, body, from, to).await?;
    let (answered_percent, below_threshold) = answered_share(blog_questions, blog_answered);
    Ok(Json(DialogueIndicators { year, posts, blog_questions, blog_answered, answered_percent, below_threshold }))
}
