//! What anyone may read of a body besides its answers: the head's profile and blog (with its
//! Atom feed), the FAQ, the reception schedule, the open dialogue links, and their images.

use crate::AppState;
use crate::error::AppError;
use crate::store::archive::Cursor;
use crate::store::{blog, bodies, sections};
use api::content::{DialogueLink, FaqEntry, HeadProfile, Post, PostId, PostPage, ReceptionSlot};
use api::{ApiError, BodySlug, ErrorCode, Lang};
use axum::Json;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::Deserialize;

fn body_not_found() -> AppError {
    AppError::new(ErrorCode::BodyNotFound, "No body has this slug.")
}

/// The internal id of the body with this slug.
pub(crate) async fn body_id(state: &AppState, slug: &str) -> Result<i64, AppError> {
    let slug = BodySlug::parse(slug).map_err(|_| body_not_found())?;
    bodies::id_of(&state.db, &slug).await?.ok_or_else(body_not_found)
}

fn lang_of(raw: Option<&str>) -> Result<Lang, AppError> {
    match raw.filter(|l| !l.is_empty()) {
        None => Ok(Lang::Kk),
        Some(raw) => {
            raw.parse().map_err(|_| AppError::new(ErrorCode::InvalidInput, "The parameter lang must be kk, ru or en."))
        }
    }
}

/// The head's profile: name, position, biography and photo.
#[utoipa::path(
    get,
    path = "/bodies/{slug}/head",
    tag = "blog",
    params(("slug" = String, Path, description = "The body's short name")),
    responses(
        (status = 200, description = "The head's profile", body = HeadProfile),
        (status = 404, description = "No such body (`body_not_found`), or it has no head on record (`not_found`)", body = ApiError)
    )
)]
pub async fn head(State(state): State<AppState>, Path(slug): Path<String>) -> Result<Json<HeadProfile>, AppError> {
    let body = body_id(&state, &slug).await?;
    let profile = blog::head_profile(&state.db, body).await?;
    profile.map(Json).ok_or_else(|| AppError::new(ErrorCode::NotFound, "The body has no head on record."))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BlogParams {
    /// The language of the posts: kk (default), ru or en.
    lang: Option<String>,
    /// The `next` cursor of the previous page.
    after: Option<String>,
    /// Posts per page, 1-50 (default 10).
    limit: Option<String>,
}

/// A body's public blog posts that have a text in `lang`, newest first.
#[utoipa::path(
    get,
    path = "/bodies/{slug}/blog",
    tag = "blog",
    params(("slug" = String, Path, description = "The body's short name"), BlogParams),
    responses(
        (status = 200, description = "A page of posts", body = PostPage),
        (status = 404, description = "No such body (`body_not_found`)", body = ApiError),
        (status = 422, description = "A parameter is malformed (`invalid_input`)", body = ApiError)
    )
)]
pub async fn posts(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(params): Query<BlogParams>,
) -> Result<Json<PostPage>, AppError> {
    let body = body_id(&state, &slug).await?;
    let bad = |what: &str| AppError::new(ErrorCode::InvalidInput, format!("The parameter {what} is malformed."));
    let lang = lang_of(params.lang.as_deref())?;
    let after = match params.after.as_deref().filter(|a| !a.is_empty()) {
        Some(raw) => Some(Cursor::decode(raw).ok_or_else(|| bad("after"))?),
        None => None,
    };
    let limit = match params.limit.as_deref() {
        Some(raw) => raw.parse::<i64>().ok().filter(|l| (1..=50).contains(l)).ok_or_else(|| bad("limit"))?,
        None => 10,
    };
    let (items, next, in_other_languages) = blog::page(&state.db, body, lang, Utc::now(), after, limit).await?;
    Ok(Json(PostPage { items, next: next.map(|c| c.encode()), in_other_languages }))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LangParam {
    /// kk (default), ru or en.
    lang: Option<String>,
}

/// A public post, with its text in `lang` when it has one.
#[utoipa::path(
    get,
    path = "/blog/{id}",
    tag = "blog",
    params(("id" = i64, Path, description = "The post"), LangParam),
    responses(
        (status = 200, description = "The post", body = Post),
        (status = 404, description = "No public post has this id (`not_found`)", body = ApiError)
    )
)]
pub async fn post(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(params): Query<LangParam>,
) -> Result<Json<Post>, AppError> {
    let not_found = || AppError::new(ErrorCode::NotFound, "No public post has this id.");
    let id = PostId(id.parse().map_err(|_| not_found())?);
    let lang = lang_of(params.lang.as_deref())?;
    blog::post(&state.db, id, lang, Utc::now()).await?.map(Json).ok_or_else(not_found)
}

/// The blog's Atom feed in one language: the 20 newest public posts.
#[utoipa::path(
    get,
    path = "/bodies/{slug}/blog/feed",
    tag = "blog",
    params(("slug" = String, Path, description = "The body's short name"), LangParam),
    responses(
        (status = 200, description = "An Atom feed", content_type = "application/atom+xml"),
        (status = 404, description = "No such body (`body_not_found`)", body = ApiError)
    )
)]
pub async fn feed(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(params): Query<LangParam>,
) -> Result<Response, AppError> {
    let body = body_id(&state, &slug).await?;
    let lang = lang_of(params.lang.as_deref())?;
    let Some(profile) = blog::head_profile(&state.db, body).await? else {
        return Err(AppError::new(ErrorCode::NotFound, "The body has no head on record."));
    };
    let entries = blog::feed(&state.db, body, lang, Utc::now(), 20).await?;
    let xml = crate::feed::atom(&state.public_url, &profile, lang, &entries);
    Ok(([(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")], xml).into_response())
}

/// A body's FAQ, general entries first, then by category.
#[utoipa::path(
    get,
    path = "/bodies/{slug}/faq",
    tag = "sections",
    params(("slug" = String, Path, description = "The body's short name")),
    responses(
        (status = 200, description = "The FAQ", body = Vec<FaqEntry>),
        (status = 404, description = "No such body (`body_not_found`)", body = ApiError)
    )
)]
pub async fn faq(State(state): State<AppState>, Path(slug): Path<String>) -> Result<Json<Vec<FaqEntry>>, AppError> {
    let body = body_id(&state, &slug).await?;
    Ok(Json(sections::faq(&state.db, body).await?))
}

/// A body's reception sessions that have not ended, soonest first, with the places taken.
#[utoipa::path(
    get,
    path = "/bodies/{slug}/schedule",
    tag = "sections",
    params(("slug" = String, Path, description = "The body's short name")),
    responses(
        (status = 200, description = "The schedule", body = Vec<ReceptionSlot>),
        (status = 404, description = "No such body (`body_not_found`)", body = ApiError)
    )
)]
pub async fn schedule(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Json<Vec<ReceptionSlot>>, AppError> {
    let body = body_id(&state, &slug).await?;
    Ok(Json(sections::upcoming(&state.db, body, Utc::now()).await?))
}

/// A body's open dialogue links: open ones first, then closed ones.
#[utoipa::path(
    get,
    path = "/bodies/{slug}/dialogue",
    tag = "sections",
    params(("slug" = String, Path, description = "The body's short name")),
    responses(
        (status = 200, description = "The links", body = Vec<DialogueLink>),
        (status = 404, description = "No such body (`body_not_found`)", body = ApiError)
    )
)]
pub async fn dialogue(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Json<Vec<DialogueLink>>, AppError> {
    let body = body_id(&state, &slug).await?;
    Ok(Json(sections::dialogue(&state.db, body, Utc::now()).await?))
}

/// An image of a head's profile or a post. Images never change once uploaded (a new one gets
/// a new id), so browsers may keep them.
#[utoipa::path(
    get,
    path = "/media/{id}",
    tag = "blog",
    params(("id" = i64, Path, description = "The image")),
    responses(
        (status = 200, description = "The image", content_type = "image/png"),
        (status = 404, description = "No image has this id (`not_found`)", body = ApiError)
    )
)]
pub async fn media(State(state): State<AppState>, Path(id): Path<String>) -> Result<Response, AppError> {
    let not_found = || AppError::new(ErrorCode::NotFound, "No image has this id.");
    let id: i64 = id.parse().map_err(|_| not_found())?;
    let (kind, bytes) = blog::media(&state.db, id).await?.ok_or_else(not_found)?;
    let content_type = if kind == "png" { "image/png" } else { "image/jpeg" };
    Ok((
        [(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "public, max-age=31536000, immutable")],
        Body::from(bytes),
    )
        .into_response())
}
