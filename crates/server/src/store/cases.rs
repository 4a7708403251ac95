//! Cases: questions, blog questions and appeals in one pipeline. Every change of status writes
//! an immutable history entry in the same transaction.

use crate::db::{Db, Tx};
use crate::{with_db, with_tx};
use api::cases::{CaseId, CaseStatus, Channel, ValidQuestion};
use api::domain::RegistrationNumber;
use api::domain::registration_number::ApplicantKind;
use api::office::HistoryEntry;
use api::{CategoryId, Lang};
use chrono::{DateTime, Datelike, Utc};

/// Who made a change, as the history records it.
#[derive(Debug, Clone, Copy)]
pub enum Actor {
    Citizen,
    System,
    Staff(i64),
}

impl Actor {
    fn label(self) -> String {
        match self {
            Actor::Citizen => "citizen".into(),
            Actor::System => "system".into(),
            Actor::Staff(id) => format!("user:{id}"),
        }
    }
}

/// The next number of `kind` in `year`, unique across all instances.
pub async fn next_registration_number(
    tx: &mut Tx,
    kind: ApplicantKind,
    year: i32,
) -> Result<RegistrationNumber, sqlx::Error> {
    let prefix = RegistrationNumber::new(kind, year, 0).as_str().chars().take(2).collect::<String>();
    let value: i64 = with_tx!(tx, |conn| {
        sqlx::query_scalar(
            "INSERT INTO registration_sequences (prefix, year, last_value) VALUES ($1, $2, 1) \
             ON CONFLICT (prefix, year) DO UPDATE SET last_value = registration_sequences.last_value + 1 \
             RETURNING last_value",
        )
        .bind(&prefix)
        .bind(year)
        .fetch_one(conn)
        .await
    })?;
    Ok(RegistrationNumber::new(kind, year, u32::try_from(value).unwrap_or(u32::MAX)))
}

/// One change of a case's status, as its history records it.
#[derive(Debug, Clone, Copy)]
pub struct Change<'a> {
    pub from: Option<CaseStatus>,
    pub to: CaseStatus,
    pub at: DateTime<Utc>,
    pub actor: Actor,
    pub note: &'a str,
    /// Whether the citizen-facing timeline shows it.
    pub public: bool,
}

/// Appends one entry to a case's history.
pub async fn record(tx: &mut Tx, case: CaseId, change: &Change<'_>) -> Result<(), sqlx::Error> {
    with_tx!(tx, |conn| {
        sqlx::query(
            "INSERT INTO case_history (case_id, at, actor, from_status, to_status, note, public) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(case.0)
        .bind(change.at)
        .bind(change.actor.label())
        .bind(change.from.map(CaseStatus::as_str))
        .bind(change.to.as_str())
        .bind(change.note)
        .bind(change.public)
        .execute(conn)
        .await
        .map(drop)
    })
}

/// The body's id and names when `category` belongs to the body `slug`.
pub async fn body_of_category(
    db: &Db,
    slug: &str,
    category: CategoryId,
) -> Result<Option<(i64, api::Localized)>, sqlx::Error> {
    let row: Option<(i64, String, String, String)> = with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT b.id, b.name_kk, b.name_ru, b.name_en FROM bodies b JOIN categories c ON c.body_id = b.id \
             WHERE b.slug = $1 AND c.id = $2",
        )
        .bind(slug)
        .bind(category.0)
        .fetch_optional(pool)
        .await
    })?;
    Ok(row.map(|(id, kk, ru, en)| (id, api::Localized { kk, ru, en })))
}

/// A question just sent: not yet confirmed, so not yet seen by moderators.
pub struct NewQuestion<'a> {
    pub question: &'a ValidQuestion,
    pub body_id: i64,
    pub channel: Channel,
    pub confirm_token_hash: &'a str,
    pub confirm_by: DateTime<Utc>,
    pub idempotency_key: Option<&'a str>,
}

/// Stores a new question and its first history entry; returns its id and number.
pub async fn create_question(
    tx: &mut Tx,
    new: &NewQuestion<'_>,
    now: DateTime<Utc>,
) -> Result<(CaseId, RegistrationNumber), sqlx::Error> {
    let number = next_registration_number(tx, ApplicantKind::Individual, now.year()).await?;
    let q = new.question;
    let public_author = match q.publish_as {
        api::cases::PublishAs::Initials => q.name.initials(),
        api::cases::PublishAs::Anonymous => String::new(),
    };
    let id: i64 = with_tx!(tx, |conn| {
        sqlx::query_scalar(
            "INSERT INTO cases (registration_number, channel, body_id, category_id, lang, status, author_name, \
             author_email, body_text, publish_as, public_author, submitted_at, confirm_token_hash, confirm_expires_at, \
             idempotency_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id",
        )
        .bind(number.as_str())
        .bind(new.channel.as_str())
        .bind(new.body_id)
        .bind(q.category_id.0)
        .bind(q.lang.code())
        .bind(CaseStatus::Submitted.as_str())
        .bind(q.name.as_str())
        .bind(q.email.as_str())
        .bind(q.text.as_str())
        .bind(q.publish_as.as_str())
        .bind(public_author)
        .bind(now)
        .bind(new.confirm_token_hash)
        .bind(new.confirm_by)
        .bind(new.idempotency_key)
        .fetch_one(conn)
        .await
    })?;
    let change =
        Change { from: None, to: CaseStatus::Submitted, at: now, actor: Actor::Citizen, note: "", public: false };
    record(tx, CaseId(id), &change).await?;
    Ok((CaseId(id), number))
}

/// The case created earlier with this idempotency key, if any: a retried request gets the same answer.
pub async fn by_idempotency_key(db: &Db, key: &str) -> Result<Option<(String, String, DateTime<Utc>)>, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query_as("SELECT registration_number, status, confirm_expires_at FROM cases WHERE idempotency_key = $1")
            .bind(key)
            .fetch_optional(pool)
            .await
    })
}

/// A case found by its confirmation link.
#[derive(Debug, sqlx::FromRow)]
pub struct Unconfirmed {
    pub id: i64,
    pub registration_number: String,
    pub status: String,
    pub lang: String,
    pub confirm_expires_at: Option<DateTime<Utc>>,
}

pub async fn by_confirm_token(tx: &mut Tx, token_hash: &str) -> Result<Option<Unconfirmed>, sqlx::Error> {
    with_tx!(tx, |conn| {
        sqlx::query_as(
            "SELECT id, registration_number, status, lang, confirm_expires_at FROM cases WHERE confirm_token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(conn)
        .await
    })
}

/// Moves a case from `change.from` to `change.to` if it is still in `from`; records the change.
/// Returns `false` when someone else changed it first.
pub async fn transition(tx: &mut Tx, case: CaseId, change: &Change<'_>) -> Result<bool, sqlx::Error> {
    let Some(from) = change.from else { return Ok(false) };
    let changed = with_tx!(tx, |conn| {
        sqlx::query("UPDATE cases SET status = $1 WHERE id = $2 AND status = $3")
            .bind(change.to.as_str())
            .bind(case.0)
            .bind(from.as_str())
            .execute(conn)
            .await
            .map(|r| r.rows_affected())
    })?;
    if changed == 1 {
        record(tx, case, change).await?;
    }
    Ok(changed == 1)
}

#[derive(sqlx::FromRow)]
struct HistoryRow {
    at: DateTime<Utc>,
    actor_name: Option<String>,
    from_status: Option<String>,
    to_status: String,
    note: String,
}

/// A case's history, oldest first, with the names of the staff who made each change.
pub async fn history(db: &Db, case: CaseId) -> Result<Vec<HistoryEntry>, sqlx::Error> {
    let rows: Vec<HistoryRow> = with_db!(db, |pool| {
        sqlx::query_as(
            "SELECT h.at, u.name AS actor_name, h.from_status, h.to_status, h.note FROM case_history h \
             LEFT JOIN users u ON h.actor = 'user:' || CAST(u.id AS TEXT) WHERE h.case_id = $1 ORDER BY h.id",
        )
        .bind(case.0)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(HistoryEntry {
                at: r.at.timestamp(),
                actor: r.actor_name,
                from: r.from_status.as_deref().and_then(CaseStatus::parse),
                to: CaseStatus::parse(&r.to_status)?,
                note: r.note,
            })
        })
        .collect())
}

/// Notes when the citizen confirmed the email address.
pub async fn set_confirmed_at(tx: &mut Tx, case: CaseId, at: DateTime<Utc>) -> Result<(), sqlx::Error> {
    with_tx!(tx, |conn| {
        sqlx::query("UPDATE cases SET confirmed_at = $1 WHERE id = $2")
            .bind(at)
            .bind(case.0)
            .execute(conn)
            .await
            .map(drop)
    })
}

/// Parses a stored language code.
pub fn stored_lang(raw: &str) -> Lang {
    raw.parse().unwrap_or_default()
}

/// Marks questions whose confirmation link ran out as expired, with a history entry each;
/// returns how many. Their text never reaches a moderator.
pub async fn expire_unconfirmed(db: &Db, now: DateTime<Utc>) -> Result<usize, sqlx::Error> {
    let ids: Vec<i64> = with_db!(db, |pool| {
        sqlx::query_scalar("SELECT id FROM cases WHERE status = 'submitted' AND confirm_expires_at < $1 LIMIT 500")
            .bind(now)
            .fetch_all(pool)
            .await
    })?;
    let mut expired = 0;
    for id in ids {
        let mut tx = db.begin().await?;
        let change = Change {
            from: Some(CaseStatus::Submitted),
            to: CaseStatus::Expired,
            at: now,
            actor: Actor::System,
            note: "",
            public: false,
        };
        if transition(&mut tx, CaseId(id), &change).await? {
            expired += 1;
        }
        tx.commit().await?;
    }
    Ok(expired)
}
