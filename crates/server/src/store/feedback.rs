//! Feedback on published answers: public votes, and the asker's own rating.

use crate::db::Db;
use crate::{with_db, with_tx};
use api::archive::Votes;
use api::cases::CaseId;
use chrono::{DateTime, Utc};

/// Records (or changes) this browser's vote on a published answer and returns the new counts;
/// `None` when no published question has this id.
pub async fn vote(
    db: &Db,
    case: CaseId,
    voter_hash: &str,
    satisfied: bool,
    now: DateTime<Utc>,
) -> Result<Option<Votes>, sqlx::Error> {
    let mut tx = db.begin().await?;
    let published: Option<i64> = with_tx!(&mut tx, |conn| {
        sqlx::query_scalar("SELECT id FROM cases WHERE id = $1 AND status = 'published'")
            .bind(case.0)
            .fetch_optional(conn)
            .await
    })?;
    if published.is_none() {
        return Ok(None);
    }
    let votes: (i64, i64) = with_tx!(&mut tx, |conn| {
        sqlx::query(
            "INSERT INTO votes (case_id, voter_hash, satisfied, at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (case_id, voter_hash) DO UPDATE SET satisfied = excluded.satisfied, at = excluded.at",
        )
        .bind(case.0)
        .bind(voter_hash)
        .bind(satisfied)
        .bind(now)
        .execute(&mut *conn)
        .await?;
        // The counts on the case are kept equal to the votes, in the same transaction.
        sqlx::query_as(
            "UPDATE cases SET \
             votes_up = (SELECT COUNT(*) FROM votes WHERE case_id = $1 AND satisfied), \
             votes_down = (SELECT COUNT(*) FROM votes WHERE case_id = $1 AND NOT satisfied) \
             WHERE id = $1 RETURNING CAST(votes_up AS BIGINT), CAST(votes_down AS BIGINT)",
        )
        .bind(case.0)
        .fetch_one(&mut *conn)
        .await
    })?;
    tx.commit().await?;
    Ok(Some(Votes { satisfied: votes.0, unsatisfied: votes.1 }))
}

/// What became of a rating.
#[derive(Debug, PartialEq, Eq)]
pub enum Rated {
    Saved,
    /// The link is unknown, or the answer was rated already.
    LinkInvalid,
}

/// Stores the asker's rating of case `case` if `token_hash` is its unused rating link.
pub async fn rate(
    db: &Db,
    case: CaseId,
    token_hash: &str,
    score: u8,
    comment: &str,
    now: DateTime<Utc>,
) -> Result<Rated, sqlx::Error> {
    let changed = with_db!(db, |pool| {
        sqlx::query(
            "UPDATE cases SET rating = $1, rating_comment = $2, rated_at = $3 \
             WHERE id = $4 AND rating_token_hash = $5 AND status = 'published' AND rating IS NULL",
        )
        .bind(i32::from(score))
        .bind(Some(comment).filter(|c| !c.is_empty()))
        .bind(now)
        .bind(case.0)
        .bind(token_hash)
        .execute(pool)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(if changed == 1 { Rated::Saved } else { Rated::LinkInvalid })
}
