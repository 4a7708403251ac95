//! The outbox: email waiting to be sent, written in the transaction of the change that causes it.

use crate::db::Tx;
use crate::mail::OutgoingEmail;
use crate::with_tx;
use chrono::{DateTime, Utc};

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
