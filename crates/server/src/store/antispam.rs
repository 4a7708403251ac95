//! The database side of anti-spam: single-use challenges, rate-limit counters, the shared key.

use crate::db::{Db, Tx};
use crate::{with_db, with_tx};
use chrono::{DateTime, Duration, Utc};

/// Marks a challenge used; `false` when it was used before.
pub async fn use_nonce(
    tx: &mut Tx,
    nonce: &str,
    expires_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let inserted = with_tx!(tx, |conn| {
        sqlx::query("DELETE FROM used_challenges WHERE expires_at < $1").bind(now).execute(&mut *conn).await?;
        sqlx::query("INSERT INTO used_challenges (nonce, expires_at) VALUES ($1, $2) ON CONFLICT (nonce) DO NOTHING")
            .bind(nonce)
            .bind(expires_at)
            .execute(&mut *conn)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(inserted == 1)
}

/// Counts a hit in `bucket` unless `max` hits already happened within `window`.
pub async fn allow(
    tx: &mut Tx,
    bucket: &str,
    now: DateTime<Utc>,
    window: Duration,
    max: i64,
) -> Result<bool, sqlx::Error> {
    let since = now - window;
    with_tx!(tx, |conn| {
        sqlx::query("DELETE FROM rate_events WHERE bucket = $1 AND at < $2")
            .bind(bucket)
            .bind(since)
            .execute(&mut *conn)
            .await?;
        let hits: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM rate_events WHERE bucket = $1")
            .bind(bucket)
            .fetch_one(&mut *conn)
            .await?;
        if hits >= max {
            return Ok(false);
        }
        sqlx::query("INSERT INTO rate_events (bucket, at) VALUES ($1, $2)")
            .bind(bucket)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        Ok(true)
    })
}

/// The key all server instances sign challenges with: created by the first, read by the rest.
pub async fn shared_key(db: &Db, name: &str) -> Result<Vec<u8>, sqlx::Error> {
    let fresh = hex::encode(crate::antispam::random_bytes::<32>());
    let stored: String = with_db!(db, |pool| {
        sqlx::query("INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING")
            .bind(name)
            .bind(&fresh)
            .execute(pool)
            .await?;
        sqlx::query_scalar("SELECT value FROM server_secrets WHERE name = $1").bind(name).fetch_one(pool).await
    })?;
    hex::decode(&stored).map_err(|e| sqlx::Error::Decode(format!("server secret {name}: {e}").into()))
}
