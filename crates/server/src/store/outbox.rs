//! The outbox: email waiting to be sent, written in the transaction of the change that causes it.
//! Workers lease due messages with [`claim`], so several server instances never send one twice,
//! and record the outcome with [`mark_sent`], [`mark_retry`] or, giving up, [`mark_failed`].

use crate::db::{Db, Tx};
use crate::mail::OutgoingEmail;
use crate::{with_db, with_tx};
use chrono::{DateTime, TimeDelta, Utc};

/// The longest error text kept in `last_error`.
const MAX_ERROR_CHARS: usize = 200;

/// Adds `email` to the outbox inside `tx`; it is sent only if `tx` commits.
pub async fn enqueue(tx: &mut Tx, email: &OutgoingEmail, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    with_tx!(tx, |conn| {
        sqlx::query(
            "INSERT INTO outbox (created_at, to_address, subject, text_body, html_body, next_attempt_at) \
             VALUES ($1, $2, $3, $4, $5, $1)",
        )
        .bind(now)
        .bind(&email.to)
        .bind(&email.subject)
        .bind(&email.text)
        .bind(&email.html)
        .execute(conn)
        .await
        .map(drop)
    })
}

/// A message leased to one worker until its lease runs out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claimed {
    pub id: i64,
    /// Failed attempts so far.
    pub attempts: i32,
    pub email: OutgoingEmail,
}

#[derive(sqlx::FromRow)]
struct ClaimedRow {
    id: i64,
    attempts: i32,
    to_address: String,
    subject: String,
    text_body: String,
    html_body: String,
}

impl From<ClaimedRow> for Claimed {
    fn from(row: ClaimedRow) -> Claimed {
        let email =
            OutgoingEmail { to: row.to_address, subject: row.subject, text: row.text_body, html: row.html_body };
        Claimed { id: row.id, attempts: row.attempts, email }
    }
}

/// The statement [`claim`] runs, around a subquery that picks the due messages. As a macro so
/// both dialects share it and it stays a string literal (sqlx 0.9 requires that).
macro_rules! claim_sql {
    ($lock:literal) => {
        concat!(
            "UPDATE outbox SET claimed_until = $2 WHERE id IN (SELECT id FROM outbox \
             WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1 \
             AND (claimed_until IS NULL OR claimed_until < $1) \
             ORDER BY next_attempt_at, id LIMIT $3",
            $lock,
            ") RETURNING id, attempts, to_address, subject, text_body, html_body"
        )
    };
}

/// Leases up to `limit` due messages to the caller until `now + lease`, oldest first. Nobody else
/// claims them before the lease runs out, unless they are marked sent or retried first; messages
/// marked failed are never claimed again.
pub async fn claim(db: &Db, now: DateTime<Utc>, lease: TimeDelta, limit: i64) -> Result<Vec<Claimed>, sqlx::Error> {
    let until = now + lease;
    let mut rows: Vec<ClaimedRow> = match db {
        // A single UPDATE is atomic on SQLite: it holds the database's only write lock throughout.
        Db::Sqlite(pool) => sqlx::query_as(claim_sql!("")).bind(now).bind(until).bind(limit).fetch_all(pool).await?,
        // Rows another instance is claiming at this moment are skipped rather than waited for.
        Db::Postgres(pool) => {
            sqlx::query_as(claim_sql!(" FOR UPDATE SKIP LOCKED"))
                .bind(now)
                .bind(until)
                .bind(limit)
                .fetch_all(pool)
                .await?
        }
    };
    // RETURNING promises no order.
    rows.sort_by_key(|r| r.id);
    Ok(rows.into_iter().map(Claimed::from).collect())
}

/// Records that message `id` was delivered at `now`; it is never claimed again.
pub async fn mark_sent(db: &Db, id: i64, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("UPDATE outbox SET sent_at = $2, claimed_until = NULL WHERE id = $1")
            .bind(id)
            .bind(now)
            .execute(pool)
            .await
            .map(drop)
    })
}

/// Records a failed attempt at message `id`: one more attempt counted, the lease released, the
/// next try not before `next_attempt_at`. `error` must hold no address or message text; it is
/// cut to a short length.
pub async fn mark_retry(db: &Db, id: i64, error: &str, next_attempt_at: DateTime<Utc>) -> Result<(), sqlx::Error> {
    let error: String = error.chars().take(MAX_ERROR_CHARS).collect();
    with_db!(db, |pool| {
        sqlx::query(
            "UPDATE outbox SET attempts = attempts + 1, claimed_until = NULL, last_error = $2, \
             next_attempt_at = $3 WHERE id = $1",
        )
        .bind(id)
        .bind(&error)
        .bind(next_attempt_at)
        .execute(pool)
        .await
        .map(drop)
    })
}

/// Records a last failed attempt at message `id` and gives it up at `now`: it is never claimed
/// again. `error` must hold no address or message text; it is cut to a short length.
pub async fn mark_failed(db: &Db, id: i64, error: &str, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    let error: String = error.chars().take(MAX_ERROR_CHARS).collect();
    with_db!(db, |pool| {
        sqlx::query(
            "UPDATE outbox SET attempts = attempts + 1, claimed_until = NULL, last_error = $2, failed_at = $3 \
             WHERE id = $1",
        )
        .bind(id)
        .bind(&error)
        .bind(now)
        .execute(pool)
        .await
        .map(drop)
    })
}
