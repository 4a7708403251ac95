//! Each body's settings that its administrators change.

use crate::db::Db;
use crate::with_db;
use api::office::BodySettings;

/// The settings of the body `body_id`; `None` when there is no such body.
pub async fn get(db: &Db, body_id: i64) -> Result<Option<BodySettings>, sqlx::Error> {
    let days: Option<i32> = with_db!(db, |pool| {
        sqlx::query_scalar("SELECT answer_working_days FROM bodies WHERE id = $1")
            .bind(body_id)
            .fetch_optional(pool)
            .await
    })?;
    // The column's CHECK keeps it within 1..=30; out-of-range values fall back to the default.
    Ok(days.map(|days| BodySettings {
        answer_working_days: u16::try_from(days).unwrap_or(BodySettings::DEFAULT_ANSWER_WORKING_DAYS),
    }))
}

/// Stores `settings` for the body `body_id`; the caller has checked [`BodySettings::is_valid`].
pub async fn set(db: &Db, body_id: i64, settings: BodySettings) -> Result<(), sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query("UPDATE bodies SET answer_working_days = $2 WHERE id = $1")
            .bind(body_id)
            .bind(i32::from(settings.answer_working_days))
            .execute(pool)
            .await
            .map(drop)
    })
}
