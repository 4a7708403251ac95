//! Administration: the working-day calendar (platform administrators change it, every staff
//! member reads it) and each body's settings (its administrators). Changes need a CSRF token.

use crate::AppState;
use crate::auth::Staff;
use crate::error::{ApiJson, AppError};
use crate::store::{bodies, calendar, settings};
use api::domain::{FieldError, FieldProblem};
use api::office::{BodySettings, CalendarChange, CalendarEntry, DayKind};
use api::{ApiError, BodySlug, ErrorCode};
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use chrono::{Datelike, NaiveDate, Utc, Weekday};
use serde::Deserialize;

/// The years the calendar editor accepts.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;
/// The longest note of a calendar entry, in characters.
const MAX_NOTE_CHARS: usize = 200;

fn invalid(field: &str, problem: FieldProblem) -> AppError {
    AppError::invalid_fields(vec![FieldError { field: field.into(), problem }])
}

/// A `YYYY-MM-DD` date within [`YEARS`], else 422 on the field `date`.
fn parse_date(raw: &str) -> Result<NaiveDate, AppError> {
    raw.parse::<NaiveDate>()
        .ok()
        .filter(|d| raw.len() == 10 && YEARS.contains(&d.year()))
        .ok_or_else(|| invalid("date", FieldProblem::BadFormat))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CalendarParams {
    /// The year, 2000 to 2100; this year in Kazakhstan when left out.
    year: Option<String>,
}

/// The calendar's entries of one year, by date: the law's holidays and rest days, and the
/// administrators' transfers. Deadlines count on these.
#[utoipa::path(
    get,
    path = "/office/calendar",
    tag = "admin",
    params(CalendarParams),
    responses(
        (status = 200, description = "The year's entries, by date", body = Vec<CalendarEntry>),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 422, description = "The year is not a number from 2000 to 2100 (`invalid_input`)", body = ApiError)
    )
)]
pub async fn calendar(
    State(state): State<AppState>,
    _staff: Staff,
    Query(params): Query<CalendarParams>,
) -> Result<Json<Vec<CalendarEntry>>, AppError> {
    let year = match params.year.as_deref() {
        // Kazakhstan's time (UTC+5), as registration counts deadlines.
        None => (Utc::now() + chrono::Duration::hours(5)).year(),
        Some(raw) => raw
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|y| YEARS.contains(y))
            .ok_or_else(|| invalid("year", FieldProblem::BadFormat))?,
    };
    Ok(Json(calendar::year(&state.db, year).await?))
}

/// Sets a date's entry: a transfer, a rest day, or a holiday such as Kurban Ait. It replaces the
/// law's entry for that date until it is removed, and counts for cases registered afterwards.
#[utoipa::path(
    put,
    path = "/office/calendar/{date}",
    tag = "admin",
    params(("date" = String, Path, description = "The date, `YYYY-MM-DD`")),
    request_body = CalendarChange,
    responses(
        (status = 200, description = "The stored entry", body = CalendarEntry),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not a platform administrator, or no CSRF token", body = ApiError),
        (status = 422, description = "A bad `date`, a `note` not of 1 to 200 characters, or a `working_day` \
            that is not a Saturday or Sunday (`kind`)", body = ApiError)
    )
)]
pub async fn set_calendar_day(
    State(state): State<AppState>,
    staff: Staff,
    Path(date): Path<String>,
    ApiJson(change): ApiJson<CalendarChange>,
) -> Result<Json<CalendarEntry>, AppError> {
    // Only platform administrators change the calendar: it sets every body's deadlines.
    staff.require_platform_admin()?;
    let date = parse_date(&date)?;
    let note = change.note.trim();
    match note.chars().count() {
        0 => return Err(invalid("note", FieldProblem::Missing)),
        n if n > MAX_NOTE_CHARS => return Err(invalid("note", FieldProblem::TooLong)),
        _ => {}
    }
    // Only a weekend day can be made a working day; any date can be a rest day or a holiday.
    if change.kind == DayKind::WorkingDay && !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
        return Err(invalid("kind", FieldProblem::UnknownChoice));
    }
    let entry = calendar::set_admin_entry(&state.db, date, change.kind, note).await?;
    tracing::info!(user_id = staff.user_id, %date, kind = change.kind.as_str(), "calendar entry set");
    Ok(Json(entry))
}

/// Removes an administrator's entry; the law's entry for that date, if it has one, comes back.
#[utoipa::path(
    delete,
    path = "/office/calendar/{date}",
    tag = "admin",
    params(("date" = String, Path, description = "The date, `YYYY-MM-DD`")),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not a platform administrator, or no CSRF token", body = ApiError),
        (status = 404, description = "No administrator's entry for this date", body = ApiError),
        (status = 422, description = "A bad `date`", body = ApiError)
    )
)]
pub async fn remove_calendar_day(
    State(state): State<AppState>,
    staff: Staff,
    Path(date): Path<String>,
) -> Result<StatusCode, AppError> {
    // Only platform administrators change the calendar: it sets every body's deadlines.
    staff.require_platform_admin()?;
    let date = parse_date(&date)?;
    if !calendar::remove_admin_entry(&state.db, date).await? {
        return Err(AppError::new(ErrorCode::NotFound, "No administrator's entry for this date."));
    }
    tracing::info!(user_id = staff.user_id, %date, "calendar entry removed");
    Ok(StatusCode::NO_CONTENT)
}

/// The body's id, after checking the staff member administers it; unknown slugs are 404.
async fn administered_body(state: &AppState, staff: &Staff, slug: &str) -> Result<i64, AppError> {
    let not_found = || AppError::new(ErrorCode::BodyNotFound, "No body has this slug.");
    let slug = BodySlug::parse(slug).map_err(|_| not_found())?;
    let body = bodies::id_of(&state.db, &slug).await?.ok_or_else(not_found)?;
    // No role but the body's administrator passes an empty list.
    staff.require(body, &[])?;
    Ok(body)
}

/// The body's settings.
#[utoipa::path(
    get,
    path = "/office/bodies/{slug}/settings",
    tag = "admin",
    params(("slug" = String, Path, description = "The body's short name")),
    responses(
        (status = 200, description = "The settings", body = BodySettings),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not an administrator of this body", body = ApiError),
        (status = 404, description = "No such body (`body_not_found`)", body = ApiError)
    )
)]
pub async fn body_settings(
    State(state): State<AppState>,
    staff: Staff,
    Path(slug): Path<String>,
) -> Result<Json<BodySettings>, AppError> {
    let body = administered_body(&state, &staff, &slug).await?;
    let settings = settings::get(&state.db, body)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::BodyNotFound, "No body has this slug."))?;
    Ok(Json(settings))
}

/// Changes the body's settings; a new answer period counts for cases registered afterwards.
#[utoipa::path(
    put,
    path = "/office/bodies/{slug}/settings",
    tag = "admin",
    params(("slug" = String, Path, description = "The body's short name")),
    request_body = BodySettings,
    responses(
        (status = 200, description = "The stored settings", body = BodySettings),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not an administrator of this body, or no CSRF token", body = ApiError),
        (status = 404, description = "No such body (`body_not_found`)", body = ApiError),
        (status = 422, description = "`answer_working_days` is not from 1 to 30", body = ApiError)
    )
)]
pub async fn set_body_settings(
    State(state): State<AppState>,
    staff: Staff,
    Path(slug): Path<String>,
    ApiJson(new): ApiJson<BodySettings>,
) -> Result<Json<BodySettings>, AppError> {
    let body = administered_body(&state, &staff, &slug).await?;
    if !new.is_valid() {
        let problem = if new.answer_working_days == 0 { FieldProblem::TooShort } else { FieldProblem::TooLong };
        return Err(invalid("answer_working_days", problem));
    }
    settings::set(&state.db, body, new).await?;
    tracing::info!(user_id = staff.user_id, body_id = body, days = new.answer_working_days, "body settings changed");
    Ok(Json(new))
}
