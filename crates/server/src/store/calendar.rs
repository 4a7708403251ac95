//! The working-day calendar as data: standard entries are written for the years around today;
//! administrators add the government's transfers and the date of Kurban Ait.

use crate::calendar::{Calendar, CalendarDay, DayKind, standard_year};
use crate::db::Db;
use crate::with_db;
use chrono::NaiveDate;

/// Writes the standard entries of `years` that are not there yet; administrators' entries win.
pub async fn seed_standard(db: &Db, years: std::ops::RangeInclusive<i32>) -> Result<(), sqlx::Error> {
    for day in years.flat_map(standard_year) {
        with_db!(db, |pool| {
            sqlx::query("INSERT INTO calendar_days (day, kind, note, source) VALUES ($1, $2, $3, 'standard') ON CONFLICT (day) DO NOTHING")
                .bind(day.date)
                .bind(day.kind.as_str())
                .bind(&day.note)
                .execute(pool)
                .await
                .map(drop)
        })?;
    }
    Ok(())
}

/// The calendar as stored.
pub async fn load(db: &Db) -> Result<Calendar, sqlx::Error> {
    let rows: Vec<(NaiveDate, String, String)> =
        with_db!(db, |pool| sqlx::query_as("SELECT day, kind, note FROM calendar_days").fetch_all(pool).await)?;
    Ok(Calendar::new(
        rows.into_iter()
            .filter_map(|(date, kind, note)| DayKind::parse(&kind).map(|kind| CalendarDay { date, kind, note })),
    ))
}
