//! The public archive: published questions, newest first, by body and category, with search.
//! Paging is by keyset on (published_at, id), so page 1,000 costs what page 1 does.

use crate::db::{Db, Tx};
use crate::search;
use crate::{with_db, with_tx};
use api::archive::{BodyRef, CategoryRef, PublishedQuestion, PublishedSummary, TimelineEntry, Votes};
use api::cases::{CaseId, CaseStatus};
use api::domain::RegistrationNumber;
use api::{BodySlug, CategoryId, Localized};
use chrono::{DateTime, Utc};

/// Where a page of the archive starts: after this (published_at, id).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub published_at: DateTime<Utc>,
    pub id: i64,
}

impl Cursor {
    /// The top of the archive: before anything ever published. Year 9999, not chrono's maximum:
    /// SQLite compares timestamps as text, and a five-digit year would sort first.
    pub fn start() -> Cursor {
        let far = chrono::NaiveDate::from_ymd_opt(9999, 12, 31).and_then(|d| d.and_hms_opt(0, 0, 0));
        Cursor { published_at: far.map(|t| t.and_utc()).unwrap_or_default(), id: i64::MAX }
    }

    pub fn encode(&self) -> String {
        format!("{}.{}", self.published_at.timestamp_micros(), self.id)
    }

    pub fn decode(raw: &str) -> Option<Cursor> {
        let (micros, id) = raw.split_once('.')?;
        Some(Cursor { published_at: DateTime::from_timestamp_micros(micros.parse().ok()?)?, id: id.parse().ok()? })
    }
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    registration_number: String,
    channel: String,
    body_slug: String,
    body_kk: String,
    body_ru: String,
    body_en: String,
    category_id: i64,
    category_kk: String,
    category_ru: String,
    category_en: String,
    lang: String,
    public_author: String,
    text: String,
    published_at: DateTime<Utc>,
    votes_up: i64,
    votes_down: i64,
}

/// The columns of [`SummaryRow`]; a macro so every statement stays a literal.
macro_rules! summary_select {
    () => {
        "SELECT c.id, c.registration_number, c.channel, b.slug AS body_slug, b.name_kk AS body_kk, \
         b.name_ru AS body_ru, b.name_en AS body_en, c.category_id, k.name_kk AS category_kk, \
         k.name_ru AS category_ru, k.name_en AS category_en, c.lang, c.public_author, \
         COALESCE(c.public_text, c.body_text) AS text, c.published_at, CAST(c.votes_up AS BIGINT) AS votes_up, \
         CAST(c.votes_down AS BIGINT) AS votes_down \
         FROM cases c JOIN categories k ON k.id = c.category_id JOIN bodies b ON b.id = c.body_id \
         WHERE c.body_id = COALESCE($1, c.body_id) AND c.status = 'published' \
         AND c.category_id = COALESCE($2, c.category_id) AND c.channel = COALESCE($6, c.channel) \
         AND (c.published_at, c.id) < ($3, $4) "
    };
}
macro_rules! newest_first {
    () => {
        "ORDER BY c.published_at DESC, c.id DESC LIMIT $5"
    };
}

fn author(public_author: String) -> Option<String> {
    Some(public_author).filter(|a| !a.is_empty())
}

impl SummaryRow {
    fn into_summary(self) -> Option<PublishedSummary> {
        Some(PublishedSummary {
            id: CaseId(self.id),
            number: RegistrationNumber::parse(&self.registration_number)?,
            body: BodyRef {
                slug: BodySlug::parse(&self.body_slug).ok()?,
                name: Localized { kk: self.body_kk, ru: self.body_ru, en: self.body_en },
            },
            channel: api::cases::Channel::parse(&self.channel)?,
            category: CategoryRef {
                id: CategoryId(self.category_id),
                name: Localized { kk: self.category_kk, ru: self.category_ru, en: self.category_en },
            },
            lang: self.lang.parse().ok()?,
            author: author(self.public_author),
            excerpt: crate::rich_text::excerpt(&self.text, 240),
            published_at: self.published_at.timestamp(),
            votes: Votes { satisfied: self.votes_up, unsatisfied: self.votes_down },
        })
    }
}

/// Which published questions a page lists: one body's or all, and one channel's or both.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filter {
    pub body_id: Option<i64>,
    pub category: Option<CategoryId>,
    pub channel: Option<api::cases::Channel>,
}

/// A page of published questions, newest first; `limit + 1` rows are read to know whether
/// another page follows.
pub async fn page(
    db: &Db,
    filter: Filter,
    query: &str,
    after: Option<Cursor>,
    limit: i64,
) -> Result<(Vec<PublishedSummary>, Option<Cursor>), sqlx::Error> {
    let words = search::words(query);
    let from = after.unwrap_or_else(Cursor::start);
    let (body_id, category, channel) =
        (filter.body_id, filter.category.map(|c| c.0), filter.channel.map(|c| c.as_str()));
    let mut rows: Vec<SummaryRow> = match (db, words.is_empty()) {
        (_, true) => with_db!(db, |pool| {
            sqlx::query_as(concat!(summary_select!(), newest_first!()))
                .bind(body_id)
                .bind(category)
                .bind(from.published_at)
                .bind(from.id)
                .bind(limit + 1)
                .bind(channel)
                .fetch_all(pool)
                .await
        })?,
        (Db::Sqlite(pool), false) => {
            sqlx::query_as(concat!(
                summary_select!(),
                "AND c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH $7) ",
                newest_first!()
            ))
            .bind(body_id)
            .bind(category)
            .bind(from.published_at)
            .bind(from.id)
            .bind(limit + 1)
            .bind(channel)
            .bind(search::fts5_query(&words))
            .fetch_all(pool)
            .await?
        }
        (Db::Postgres(pool), false) => {
            sqlx::query_as(concat!(summary_select!(), "AND c.search_tsv @@ to_tsquery('simple', $7) ", newest_first!()))
                .bind(body_id)
                .bind(category)
                .bind(from.published_at)
                .bind(from.id)
                .bind(limit + 1)
                .bind(channel)
                .bind(search::tsquery(&words))
                .fetch_all(pool)
                .await?
        }
    };
    let more = rows.len() as i64 > limit;
    rows.truncate(usize::try_from(limit).unwrap_or(0));
    let next = more.then(|| rows.last().map(|r| Cursor { published_at: r.published_at, id: r.id })).flatten();
    Ok((rows.into_iter().filter_map(SummaryRow::into_summary).collect(), next))
}

#[derive(sqlx::FromRow)]
struct QuestionRow {
    id: i64,
    registration_number: String,
    body_slug: String,
    body_kk: String,
    body_ru: String,
    body_en: String,
    category_id: i64,
    category_kk: String,
    category_ru: String,
    category_en: String,
    lang: String,
    public_author: String,
    text: String,
    answer_html: Option<String>,
    votes_up: i64,
    votes_down: i64,
}

/// One published question with its public timeline; `None` unless it is published.
pub async fn question(db: &Db, id: CaseId) -> Result<Option<PublishedQuestion>, sqlx::Error> {
    let row: Option<QuestionRow> = with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT c.id, c.registration_number, b.slug AS body_slug, b.name_kk AS body_kk, b.name_ru AS body_ru, \
             b.name_en AS body_en, c.category_id, k.name_kk AS category_kk, k.name_ru AS category_ru, \
             k.name_en AS category_en, c.lang, c.public_author, COALESCE(c.public_text, c.body_text) AS text, \
             c.answer_html, CAST(c.votes_up AS BIGINT) AS votes_up, CAST(c.votes_down AS BIGINT) AS votes_down \
             FROM cases c JOIN bodies b ON b.id = c.body_id JOIN categories k ON k.id = c.category_id \
             WHERE c.id = $1 AND c.status = 'published'",
        )
        .bind(id.0)
        .fetch_optional(pool)
        .await
    })?;
    let Some(row) = row else { return Ok(None) };
    let history: Vec<(String, DateTime<Utc>)> = with_db!(db, |pool| {
        sqlx::query_as("SELECT to_status, at FROM case_history WHERE case_id = $1 AND public ORDER BY id")
            .bind(id.0)
            .fetch_all(pool)
            .await
    })?;
    let bad = || sqlx::Error::Decode(format!("published case {} has an invalid stored value", id.0).into());
    Ok(Some(PublishedQuestion {
        id: CaseId(row.id),
        number: RegistrationNumber::parse(&row.registration_number).ok_or_else(bad)?,
        body: BodyRef {
            slug: BodySlug::parse(&row.body_slug).map_err(|_| bad())?,
            name: Localized { kk: row.body_kk, ru: row.body_ru, en: row.body_en },
        },
        category: CategoryRef {
            id: CategoryId(row.category_id),
            name: Localized { kk: row.category_kk, ru: row.category_ru, en: row.category_en },
        },
        lang: row.lang.parse().map_err(|_| bad())?,
        author: author(row.public_author),
        question: row.text,
        answer_html: row.answer_html.unwrap_or_default(),
        timeline: history
            .into_iter()
            .filter_map(|(status, at)| {
                CaseStatus::parse(&status).map(|status| TimelineEntry { status, at: at.timestamp() })
            })
            .collect(),
        votes: Votes { satisfied: row.votes_up, unsatisfied: row.votes_down },
    }))
}

/// Makes a published case findable with `text` (its public question and answer).
pub async fn index(tx: &mut Tx, case: CaseId, text: &str) -> Result<(), sqlx::Error> {
    let normalized = search::normalize(text);
    with_tx!(tx, |conn| {
        sqlx::query("UPDATE cases SET search_text = $1 WHERE id = $2")
            .bind(&normalized)
            .bind(case.0)
            .execute(conn)
            .await
            .map(drop)
    })?;
    // PostgreSQL derives its index from search_text; SQLite's FTS table is kept by hand.
    if let Tx::Sqlite(t) = tx {
        sqlx::query("DELETE FROM case_search WHERE rowid = $1").bind(case.0).execute(&mut **t).await?;
        sqlx::query("INSERT INTO case_search (rowid, search_text) VALUES ($1, $2)")
            .bind(case.0)
            .bind(&normalized)
            .execute(&mut **t)
            .await?;
    }
    Ok(())
}
