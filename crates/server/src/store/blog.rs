//! The head's profile and blog, and the images they show. A post is public once its state is
//! `published` and its `publish_at` has come; a later time schedules it.

use crate::db::{Db, Tx};
use crate::store::archive::Cursor;
use crate::{with_db, with_tx};
use api::archive::BodyRef;
use api::content::{
    HeadProfile, HeadProfileDraft, Image, MediaId, OfficePost, Post, PostDraft, PostId, PostState, PostSummary,
    PostText,
};
use api::{BodySlug, Lang, Localized};
use chrono::{DateTime, Utc};

/// The address the app loads an image from.
pub fn media_url(id: i64) -> String {
    format!("/api/v1/media/{id}")
}

fn image(id: Option<i64>, alt: [String; 3]) -> Option<Image> {
    let [kk, ru, en] = alt;
    id.map(|id| Image { id: MediaId(id), url: media_url(id), alt: Localized { kk, ru, en } })
}

/// Stores an image of a body; `kind` is `png` or `jpeg`, read from the content.
pub async fn add_media(
    db: &Db,
    body_id: i64,
    kind: &str,
    bytes: &[u8],
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_scalar(
            "INSERT INTO media (body_id, kind, size, content, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(body_id)
        .bind(kind)
        .bind(bytes.len() as i64)
        .bind(bytes)
        .bind(now)
        .fetch_one(pool)
        .await
    })
}

/// An image's kind and bytes.
pub async fn media(db: &Db, id: i64) -> Result<Option<(String, Vec<u8>)>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as("SELECT kind, content FROM media WHERE id = $1").bind(id).fetch_optional(pool).await
    })
}

/// Whether the image belongs to the body (staff may only show their own body's images).
pub async fn media_of_body(db: &Db, body_id: i64, id: MediaId) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = with_db!(db, |pool| {
        sqlx::query_scalar("SELECT id FROM media WHERE id = $1 AND body_id = $2")
            .bind(id.0)
            .bind(body_id)
            .fetch_optional(pool)
            .await
    })?;
    Ok(found.is_some())
}

#[derive(sqlx::FromRow)]
struct ProfileRow {
    slug: String,
    name_kk: String,
    name_ru: String,
    name_en: String,
    head_name_kk: Option<String>,
    head_name_ru: Option<String>,
    head_name_en: Option<String>,
    head_position_kk: Option<String>,
    head_position_ru: Option<String>,
    head_position_en: Option<String>,
    biography_kk: Option<String>,
    biography_ru: Option<String>,
    biography_en: Option<String>,
    photo_id: Option<i64>,
    photo_alt_kk: Option<String>,
    photo_alt_ru: Option<String>,
    photo_alt_en: Option<String>,
}

/// The head's profile; `None` when the body has no head on record.
pub async fn head_profile(db: &Db, body_id: i64) -> Result<Option<HeadProfile>, sqlx::Error> {
    let row: Option<ProfileRow> = with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT b.slug, b.name_kk, b.name_ru, b.name_en, b.head_name_kk, b.head_name_ru, b.head_name_en, \
             b.head_position_kk, b.head_position_ru, b.head_position_en, p.biography_kk, p.biography_ru, \
             p.biography_en, p.photo_id, p.photo_alt_kk, p.photo_alt_ru, p.photo_alt_en \
             FROM bodies b LEFT JOIN head_profiles p ON p.body_id = b.id WHERE b.id = $1",
        )
        .bind(body_id)
        .fetch_optional(pool)
        .await
    })?;
    Ok(row.and_then(|r| {
        let text = |kk: Option<String>, ru: Option<String>, en: Option<String>| Localized {
            kk: kk.unwrap_or_default(),
            ru: ru.unwrap_or_default(),
            en: en.unwrap_or_default(),
        };
        Some(HeadProfile {
            body: BodyRef {
                slug: BodySlug::parse(&r.slug).ok()?,
                name: Localized { kk: r.name_kk, ru: r.name_ru, en: r.name_en },
            },
            name: Localized { kk: r.head_name_kk?, ru: r.head_name_ru?, en: r.head_name_en? },
            position: text(r.head_position_kk, r.head_position_ru, r.head_position_en),
            biography: text(r.biography_kk, r.biography_ru, r.biography_en),
            photo: image(
                r.photo_id,
                [
                    r.photo_alt_kk.unwrap_or_default(),
                    r.photo_alt_ru.unwrap_or_default(),
                    r.photo_alt_en.unwrap_or_default(),
                ],
            ),
        })
    }))
}

/// Replaces the head's name, position, biography and photo.
pub async fn save_head_profile(db: &Db, body_id: i64, draft: &HeadProfileDraft) -> Result<(), sqlx::Error> {
    let (name, position, biography) =
        (draft.name.to_localized(), draft.position.to_localized(), draft.biography.to_localized());
    let alt = draft.photo_alt.to_localized();
    let mut tx = db.begin().await?;
    with_tx!(&mut tx, |conn| {
        sqlx::query(
            "UPDATE bodies SET head_name_kk = $1, head_name_ru = $2, head_name_en = $3, head_position_kk = $4, \
             head_position_ru = $5, head_position_en = $6 WHERE id = $7",
        )
        .bind(&name.kk)
        .bind(&name.ru)
        .bind(&name.en)
        .bind(&position.kk)
        .bind(&position.ru)
        .bind(&position.en)
        .bind(body_id)
        .execute(conn)
        .await
        .map(|r| r.rows_affected())
    })?;
    with_tx!(&mut tx, |conn| {
        sqlx::query(
            "INSERT INTO head_profiles (body_id, biography_kk, biography_ru, biography_en, photo_id, photo_alt_kk, \
             photo_alt_ru, photo_alt_en) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (body_id) DO UPDATE SET biography_kk = $2, biography_ru = $3, biography_en = $4, \
             photo_id = $5, photo_alt_kk = $6, photo_alt_ru = $7, photo_alt_en = $8",
        )
        .bind(body_id)
        .bind(&biography.kk)
        .bind(&biography.ru)
        .bind(&biography.en)
        .bind(draft.photo.map(|p| p.0))
        .bind(&alt.kk)
        .bind(&alt.ru)
        .bind(&alt.en)
        .execute(conn)
        .await
        .map(|r| r.rows_affected())
    })?;
    tx.commit().await
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    title: String,
    excerpt: String,
    publish_at: DateTime<Utc>,
    cover_id: Option<i64>,
    cover_alt_kk: String,
    cover_alt_ru: String,
    cover_alt_en: String,
}

/// A page of a body's public posts in one language, newest first, and how many public posts
/// have no text in it.
pub async fn page(
    db: &Db,
    body_id: i64,
    lang: Lang,
    now: DateTime<Utc>,
    after: Option<Cursor>,
    limit: i64,
) -> Result<(Vec<PostSummary>, Option<Cursor>, i64), sqlx::Error> {
    let from = after.unwrap_or_else(Cursor::start);
    let mut rows: Vec<SummaryRow> = with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT p.id, t.title, t.excerpt, p.publish_at, p.cover_id, p.cover_alt_kk, p.cover_alt_ru, p.cover_alt_en \
             FROM blog_posts p JOIN blog_post_texts t ON t.post_id = p.id AND t.lang = $2 \
             WHERE p.body_id = $1 AND p.state = 'published' AND p.publish_at <= $3 \
             AND (p.publish_at, p.id) < ($4, $5) ORDER BY p.publish_at DESC, p.id DESC LIMIT $6",
        )
        .bind(body_id)
        .bind(lang.code())
        .bind(now)
        .bind(from.published_at)
        .bind(from.id)
        .bind(limit + 1)
        .fetch_all(pool)
        .await
    })?;
    let elsewhere: i64 = with_db!(db, |pool| {
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM blog_posts p WHERE p.body_id = $1 AND p.state = 'published' AND p.publish_at <= $3 \
             AND NOT EXISTS (SELECT 1 FROM blog_post_texts t WHERE t.post_id = p.id AND t.lang = $2)",
        )
        .bind(body_id)
        .bind(lang.code())
        .bind(now)
        .fetch_one(pool)
        .await
    })?;
    let more = rows.len() as i64 > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(0));
    let next = more.then(|| rows.last().map(|r| Cursor { published_at: r.publish_at, id: r.id })).flatten();
    let items = rows
        .into_iter()
        .map(|r| PostSummary {
            id: PostId(r.id),
            title: r.title,
            excerpt: r.excerpt,
            published_at: r.publish_at.timestamp(),
            cover: image(r.cover_id, [r.cover_alt_kk, r.cover_alt_ru, r.cover_alt_en]),
        })
        .collect();
    Ok((items, next, elsewhere))
}

#[derive(sqlx::FromRow)]
struct PostRow {
    id: i64,
    body_id: i64,
    state: String,
    publish_at: Option<DateTime<Utc>>,
    cover_id: Option<i64>,
    cover_alt_kk: String,
    cover_alt_ru: String,
    cover_alt_en: String,
    updated_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct TextRow {
    lang: String,
    title: String,
    body_html: String,
}

async fn post_row(db: &Db, id: i64) -> Result<Option<PostRow>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT id, body_id, state, publish_at, cover_id, cover_alt_kk, cover_alt_ru, cover_alt_en, updated_at \
             FROM blog_posts WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(pool)
        .await
    })
}

/// A post's texts, in the order kk, ru, en.
async fn texts(db: &Db, id: i64) -> Result<Vec<PostText>, sqlx::Error> {
    let rows: Vec<TextRow> = with_db!(db, |pool| {
        sqlx::query_as("SELECT lang, title, body_html FROM blog_post_texts WHERE post_id = $1")
            .bind(id)
            .fetch_all(pool)
            .await
    })?;
    let mut texts: Vec<PostText> = rows
        .into_iter()
        .filter_map(|r| Some(PostText { lang: r.lang.parse().ok()?, title: r.title, body_html: r.body_html }))
        .collect();
    texts.sort_by_key(|t| Lang::ALL.iter().position(|l| *l == t.lang));
    Ok(texts)
}

/// A public post with its text in `lang`, if it has one; `None` unless it is public now.
pub async fn post(db: &Db, id: PostId, lang: Lang, now: DateTime<Utc>) -> Result<Option<Post>, sqlx::Error> {
    let Some(row) = post_row(db, id.0).await? else { return Ok(None) };
    let Some(published_at) = row.publish_at.filter(|at| row.state == "published" && *at <= now) else {
        return Ok(None);
    };
    let Some(body) = crate::store::bodies::reference(db, row.body_id).await? else { return Ok(None) };
    let texts = texts(db, row.id).await?;
    Ok(Some(Post {
        id,
        body,
        langs: texts.iter().map(|t| t.lang).collect(),
        text: texts.into_iter().find(|t| t.lang == lang),
        published_at: published_at.timestamp(),
        cover: image(row.cover_id, [row.cover_alt_kk, row.cover_alt_ru, row.cover_alt_en]),
    }))
}

/// A post as staff see it, if it is the body's.
pub async fn office_post(db: &Db, body_id: i64, id: PostId) -> Result<Option<OfficePost>, sqlx::Error> {
    let Some(row) = post_row(db, id.0).await?.filter(|r| r.body_id == body_id) else { return Ok(None) };
    Ok(Some(OfficePost {
        id,
        texts: texts(db, row.id).await?,
        state: if row.state == "draft" { PostState::Draft } else { PostState::Published },
        publish_at: row.publish_at.map(|at| at.timestamp()),
        cover: image(row.cover_id, [row.cover_alt_kk, row.cover_alt_ru, row.cover_alt_en]),
        updated_at: row.updated_at.timestamp(),
    }))
}

/// Every post of the body, drafts and scheduled ones included, newest first.
pub async fn office_posts(db: &Db, body_id: i64) -> Result<Vec<OfficePost>, sqlx::Error> {
    let ids: Vec<i64> = with_db!(db, |pool| {
        sqlx::query_scalar(
            "SELECT id FROM blog_posts WHERE body_id = $1 ORDER BY COALESCE(publish_at, updated_at) DESC, id DESC",
        )
        .bind(body_id)
        .fetch_all(pool)
        .await
    })?;
    let mut posts = Vec::with_capacity(ids.len());
    for id in ids {
        posts.extend(office_post(db, body_id, PostId(id)).await?);
    }
    Ok(posts)
}

/// When a saved post becomes public: a published post without a time is public now.
fn publish_at(draft: &PostDraft, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    match draft.state {
        PostState::Draft => draft.publish_at.and_then(|at| DateTime::from_timestamp(at, 0)),
        PostState::Published => Some(draft.publish_at.and_then(|at| DateTime::from_timestamp(at, 0)).unwrap_or(now)),
    }
}

fn state_name(state: PostState) -> &'static str {
    match state {
        PostState::Draft => "draft",
        PostState::Published => "published",
    }
}

/// Creates a post from a validated draft whose texts are already sanitised.
pub async fn create_post(db: &Db, body_id: i64, draft: &PostDraft, now: DateTime<Utc>) -> Result<PostId, sqlx::Error> {
    let alt = draft.cover_alt.to_localized();
    let mut tx = db.begin().await?;
    let id: i64 = with_tx!(&mut tx, |conn| {
        sqlx::query_scalar(
            "INSERT INTO blog_posts (body_id, state, publish_at, cover_id, cover_alt_kk, cover_alt_ru, cover_alt_en, \
             created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
        )
        .bind(body_id)
        .bind(state_name(draft.state))
        .bind(publish_at(draft, now))
        .bind(draft.cover.map(|c| c.0))
        .bind(&alt.kk)
        .bind(&alt.ru)
        .bind(&alt.en)
        .bind(now)
        .fetch_one(conn)
        .await
    })?;
    write_texts(&mut tx, id, &draft.texts).await?;
    tx.commit().await?;
    Ok(PostId(id))
}

/// Replaces a post of the body; `false` when the body has no such post.
pub async fn update_post(
    db: &Db,
    body_id: i64,
    id: PostId,
    draft: &PostDraft,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let alt = draft.cover_alt.to_localized();
    let mut tx = db.begin().await?;
    let changed =
        with_tx!(&mut tx, |conn| {
            sqlx::query(
            "UPDATE blog_posts SET state = $1, publish_at = $2, cover_id = $3, cover_alt_kk = $4, cover_alt_ru = $5, \
             cover_alt_en = $6, updated_at = $7 WHERE id = $8 AND body_id = $9",
        )
        .bind(state_name(draft.state))
        .bind(publish_at(draft, now))
        .bind(draft.cover.map(|c| c.0))
        .bind(&alt.kk)
        .bind(&alt.ru)
        .bind(&alt.en)
        .bind(now)
        .bind(id.0)
        .bind(body_id)
        .execute(conn).await.map(|r| r.rows_affected())
        })?;
    if changed == 0 {
        return Ok(false);
    }
    with_tx!(&mut tx, |conn| {
        sqlx::query("DELETE FROM blog_post_texts WHERE post_id = $1")
            .bind(id.0)
            .execute(conn)
            .await
            .map(|r| r.rows_affected())
    })?;
    write_texts(&mut tx, id.0, &draft.texts).await?;
    tx.commit().await?;
    Ok(true)
}

async fn write_texts(tx: &mut Tx, id: i64, texts: &[PostText]) -> Result<(), sqlx::Error> {
    for text in texts {
        let excerpt = crate::rich_text::excerpt(&crate::rich_text::strip_tags(&text.body_html), 280);
        with_tx!(&mut *tx, |conn| {
            sqlx::query(
                "INSERT INTO blog_post_texts (post_id, lang, title, body_html, excerpt) VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(id)
            .bind(text.lang.code())
            .bind(text.title.trim())
            .bind(&text.body_html)
            .bind(&excerpt)
            .execute(conn)
            .await
            .map(|r| r.rows_affected())
        })?;
    }
    Ok(())
}

/// Deletes a post of the body; `false` when the body has no such post.
pub async fn delete_post(db: &Db, body_id: i64, id: PostId) -> Result<bool, sqlx::Error> {
    let done = with_db!(db, |pool| {
        sqlx::query("DELETE FROM blog_posts WHERE id = $1 AND body_id = $2")
            .bind(id.0)
            .bind(body_id)
            .execute(pool)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(done > 0)
}

/// One entry of a feed: a public post's text in the feed's language.
#[derive(sqlx::FromRow)]
pub struct FeedEntry {
    pub id: i64,
    pub title: String,
    pub body_html: String,
    pub excerpt: String,
    pub publish_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The newest public posts of the body in one language, for its feed.
pub async fn feed(
    db: &Db,
    body_id: i64,
    lang: Lang,
    now: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<FeedEntry>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT p.id, t.title, t.body_html, t.excerpt, p.publish_at, p.updated_at FROM blog_posts p \
             JOIN blog_post_texts t ON t.post_id = p.id AND t.lang = $2 \
             WHERE p.body_id = $1 AND p.state = 'published' AND p.publish_at <= $3 \
             ORDER BY p.publish_at DESC, p.id DESC LIMIT $4",
        )
        .bind(body_id)
        .bind(lang.code())
        .bind(now)
        .bind(limit)
        .fetch_all(pool)
        .await
    })
}

/// Public posts per language published in `[from, to)`, for the Open Dialogue indicators.
pub async fn posts_per_language(
    db: &Db,
    body_id: i64,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT t.lang, COUNT(*) FROM blog_posts p JOIN blog_post_texts t ON t.post_id = p.id \
             WHERE p.body_id = $1 AND p.state = 'published' AND p.publish_at >= $2 AND p.publish_at < $3 \
             GROUP BY t.lang",
        )
        .bind(body_id)
        .bind(from)
        .bind(to)
        .fetch_all(pool)
        .await
    })
}
