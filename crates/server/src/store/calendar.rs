//! The working-day calendar as data: standard entries are written for the years around today;
//! administrators add the government's transfers and the date of Kurban Ait.

use crate::calendar::{Calendar, CalendarDay, standard_year};
use crate::db::Db;
use crate::{with_db, with_tx};
use api::office::{CalendarEntry, DayKind};
use chrono::{Datelike, NaiveDate};

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

fn entry((date, kind, note, source): (NaiveDate, String, String, String)) -> Option<CalendarEntry> {
    let kind = DayKind::parse(&kind)?;
    Some(CalendarEntry { date: date.to_string(), kind, note, standard: source == "standard" })
}

/// The stored entries of `year`, by date.
pub async fn year(db: &Db, year: i32) -> Result<Vec<CalendarEntry>, sqlx::Error> {
    let (Some(first), Some(last)) = (NaiveDate::from_ymd_opt(year, 1, 1), NaiveDate::from_ymd_opt(year, 12, 31)) else {
        return Ok(Vec::new());
    };
    let rows: Vec<(NaiveDate, String, String, String)> = with_db!(db, |pool| {
        sqlx::query_as("SELECT day, kind, note, source FROM calendar_days WHERE day >= $1 AND day <= $2 ORDER BY day")
            .bind(first)
            .bind(last)
            .fetch_all(pool)
            .await
    })?;
    Ok(rows.into_iter().filter_map(entry).collect())
}

/// Stores an administrator's entry for `date`, replacing whatever entry the date had.
pub async fn set_admin_entry(
    db: &Db,
    date: NaiveDate,
    kind: DayKind,
    note: &str,
) -> Result<CalendarEntry, sqlx::Error> {
    with_db!(db, |pool| {
        sqlx::query(
            "INSERT INTO calendar_days (day, kind, note, source) VALUES ($1, $2, $3, 'admin') \
             ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, note = excluded.note, source = 'admin'",
        )
        .bind(date)
        .bind(kind.as_str())
        .bind(note)
        .execute(pool)
        .await
        .map(drop)
    })?;
    Ok(CalendarEntry { date: date.to_string(), kind, note: note.to_owned(), standard: false })
}

/// Removes the administrator's entry for `date`; the standard entry the law gives that date, if
/// any, comes back. `false` when the date had no administrator's entry.
pub async fn remove_admin_entry(db: &Db, date: NaiveDate) -> Result<bool, sqlx::Error> {
    let mut tx = db.begin().await?;
    let removed = with_tx!(&mut tx, |conn| {
        sqlx::query("DELETE FROM calendar_days WHERE day = $1 AND source = 'admin'")
            .bind(date)
            .execute(conn)
            .await
            .map(|r| r.rows_affected())
    })?;
    if removed == 0 {
        return Ok(false);
    }
    if let Some(day) = standard_year(date.year()).into_iter().find(|d| d.date == date) {
        with_tx!(&mut tx, |conn| {
            sqlx::query("INSERT INTO calendar_days (day, kind, note, source) VALUES ($1, $2, $3, 'standard')")
                .bind(day.date)
                .bind(day.kind.as_str())
                .bind(&day.note)
                .execute(conn)
                .await
                .map(drop)
        })?;
    }
    tx.commit().await?;
    Ok(true)
}
