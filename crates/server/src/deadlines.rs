//! The legal deadlines of electronic appeals (e-Otinish), counted on the working-day [`Calendar`].
//!
//! АППК art. 76: an appeal is considered within fifteen working days of its arrival; the head (or a
//! deputy) may extend this by a reasoned decision, but to no more than two months in total, telling
//! the applicant within three working days; an appeal outside the body's competence is redirected
//! within three working days. A request for information (запрос) is answered within fifteen
//! calendar days (Law on access to information; seed 004:1168). Terms count from the day after their
//! start (Civil Code, general part, the chapter on terms), which is what [`Calendar::deadline`] does.
//! Pure functions: the caller loads the calendar and stores the results.

use crate::calendar::Calendar;
use api::appeals::AppealType;
use chrono::{DateTime, Days, FixedOffset, Months, NaiveDate, Utc};

/// The terms of АППК art. 76, and for a запрос the Law on access to information.
const ANSWER_WORKING_DAYS: u32 = 15;
const REQUEST_CALENDAR_DAYS: u64 = 15;
const NOTICE_WORKING_DAYS: u32 = 3;
const MAX_TOTAL_MONTHS: u32 = 2;

/// The day an appeal received at `received_at` is registered: its date in Kazakhstan, which has
/// kept one time zone, UTC+5, since 1 March 2024 (earlier instants would be off by the old UTC+6 by
/// an hour); an appeal arriving on a non-working day counts from the next working day.
pub fn registration_day(received_at: DateTime<Utc>, calendar: &Calendar) -> NaiveDate {
    let kazakhstan = FixedOffset::east_opt(5 * 3600).expect("UTC+5 is a valid offset");
    calendar.next_working_day(received_at.with_timezone(&kazakhstan).date_naive())
}

/// The last day to answer an appeal registered on `registered`.
///
/// Every type gets 15 working days, except a запрос, which gets 15 calendar days. When that
/// calendar day is not a working day the deadline moves to the next working day: the Civil Code's
/// general rule for a term ending on a non-working day, which administrative practice follows; the
/// alternative (the working day before) would shorten a term the law gives the body.
pub fn answer_deadline(kind: AppealType, registered: NaiveDate, calendar: &Calendar) -> NaiveDate {
    let start = calendar.next_working_day(registered);
    match kind {
        AppealType::Request => {
            calendar.next_working_day(start.checked_add_days(Days::new(REQUEST_CALENDAR_DAYS)).unwrap_or(start))
        }
        _ => calendar.deadline(start, ANSWER_WORKING_DAYS),
    }
}

/// The latest deadline any extension may set: two months from registration in total (АППК art. 76,
/// "не более чем до двух месяцев"). A term in months ends on the same date of the last month, or on
/// that month's last day when it has no such date (Civil Code), so 31 December gives 28 (or 29)
/// February. The cap is not moved off a non-working day: it bounds the date a head may
/// choose, and moving it would let the total exceed two months.
pub fn max_extended_deadline(registered: NaiveDate) -> NaiveDate {
    // chrono clamps to the month's end, as the law does; a date near the end of time has no room.
    registered.checked_add_months(Months::new(MAX_TOTAL_MONTHS)).unwrap_or(registered)
}

/// Why an extension was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtensionError {
    #[error("the new deadline {requested} is not later than the current one, {current}")]
    NotLater { current: NaiveDate, requested: NaiveDate },
    #[error("the new deadline {requested} is beyond two months from registration, {cap}")]
    BeyondCap { cap: NaiveDate, requested: NaiveDate },
}

/// Checks a head's extension of an appeal registered on `registered` from `current` to `requested`:
/// an extension must extend, and the total stays within two months (АППК art. 76).
pub fn check_extension(registered: NaiveDate, current: NaiveDate, requested: NaiveDate) -> Result<(), ExtensionError> {
    if requested <= current {
        return Err(ExtensionError::NotLater { current, requested });
    }
    let cap = max_extended_deadline(registered);
    if requested > cap {
        return Err(ExtensionError::BeyondCap { cap, requested });
    }
    Ok(())
}

/// The last day to redirect an appeal outside the body's competence to the competent body: three
/// working days from registration (АППК art. 76).
pub fn redirect_by(registered: NaiveDate, calendar: &Calendar) -> NaiveDate {
    calendar.deadline(registered, NOTICE_WORKING_DAYS)
}

/// Whether the applicant's notice of a decision (an extension or a redirection) is late: it is due
/// within three working days of the decision (АППК art. 76). For a redirection the law asks for
/// the notice "at the same time", so this is the outer bound, not the good practice.
pub fn notice_late(decided_at: NaiveDate, noticed_at: NaiveDate, calendar: &Calendar) -> bool {
    noticed_at > calendar.deadline(decided_at, NOTICE_WORKING_DAYS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{CalendarDay, standard_year};
    use api::office::DayKind;
    use chrono::TimeZone;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).single().expect("valid instant")
    }

    fn standard(years: &[i32]) -> Calendar {
        Calendar::new(years.iter().flat_map(|&y| standard_year(y)))
    }

    #[test]
    fn kinds_have_stable_codes() {
        assert_eq!(AppealType::Statement.as_str(), "statement");
        assert_eq!(AppealType::Request.as_str(), "request");
        assert_eq!(AppealType::Report.as_str(), "report");
    }

    #[test]
    fn an_appeal_sent_on_new_years_eve_after_19_00_utc_is_registered_after_the_holidays() {
        let cal = standard(&[2026, 2027]);
        // 20:30 UTC on Thursday 31 Dec 2026 is 01:30 on 1 Jan 2027 in Kazakhstan: 1-2 January
        // (Fri, Sat) are New Year, 3 is Sunday, Monday 4 is the rest day for 2 January on a
        // Saturday; the first working day is Tuesday 5 January.
        assert_eq!(registration_day(utc(2026, 12, 31, 20, 30), &cal), date(2027, 1, 5));
        // 12:00 UTC is 17:00 the same Thursday, a working day: registered that day.
        assert_eq!(registration_day(utc(2026, 12, 31, 12, 0), &cal), date(2026, 12, 31));
        // Sent on Saturday 2 January: the same first working day.
        assert_eq!(registration_day(utc(2027, 1, 2, 6, 0), &cal), date(2027, 1, 5));
    }

    #[test]
    fn fifteen_working_days_skip_the_new_year_and_christmas() {
        let cal = standard(&[2026, 2027]);
        // From Tue 5 Jan 2027: 6, 8 (7 is Christmas), 11-15, 18-22, 25, 26, 27 January.
        assert_eq!(answer_deadline(AppealType::Statement, date(2027, 1, 5), &cal), date(2027, 1, 27));
        // From Thu 31 Dec 2026: 5, 6, 8, 11-15, 18-22, 25, 26 January; the type does not matter.
        assert_eq!(answer_deadline(AppealType::Complaint, date(2026, 12, 31), &cal), date(2027, 1, 26));
    }

    #[test]
    fn nauryz_on_a_weekend_in_2026_pushes_registration_and_deadlines() {
        let cal = standard(&[2026]);
        // 21-22 March 2026 are Sat-Sun, so their rest moves to Tue 24 and Wed 25 (23 is Nauryz
        // itself): an appeal sent on Saturday 21 March is registered on Thursday 26 March.
        assert_eq!(registration_day(utc(2026, 3, 21, 9, 0), &cal), date(2026, 3, 26));
        // 15 working days from 26 March: 27, 30 Mar-3 Apr, 6-10, 13-16 April.
        assert_eq!(answer_deadline(AppealType::Proposal, date(2026, 3, 26), &cal), date(2026, 4, 16));
        // Registered Friday 20 March: redirect by 26, 27, 30 March -> Monday 30 March.
        assert_eq!(redirect_by(date(2026, 3, 20), &cal), date(2026, 3, 30));
    }

    #[test]
    fn nauryz_2027_and_2025_on_weekends_move_their_rest_days() {
        // 2027: 21 March is a Sunday, 22-23 are Mon-Tue holidays, the rest for 21 is Wed 24:
        // sent Saturday 20 March, registered Thursday 25 March.
        let cal = standard(&[2027]);
        assert_eq!(registration_day(utc(2027, 3, 20, 9, 0), &cal), date(2027, 3, 25));
        // 2025: 21 is a Friday, 22-23 a weekend, their rest is Mon 24 and Tue 25: registered on
        // Thursday 20 March, redirect by 26, 27, 28 -> Friday 28 March.
        let cal = standard(&[2025]);
        assert_eq!(redirect_by(date(2025, 3, 20), &cal), date(2025, 3, 28));
    }

    #[test]
    fn a_holiday_on_a_sunday_gives_its_monday_off() {
        let cal = standard(&[2026]);
        // Constitution Day, Sunday 30 Aug 2026, moves to Monday 31 August: an appeal sent on
        // Saturday 29 August is registered on Tuesday 1 September.
        assert_eq!(registration_day(utc(2026, 8, 29, 10, 0), &cal), date(2026, 9, 1));
        // Registered Friday 28 August: redirect by 1, 2, 3 September.
        assert_eq!(redirect_by(date(2026, 8, 28), &cal), date(2026, 9, 3));
    }

    /// 2026 with a transfer of the kind the government decrees each year: Friday 8 May 2026
    /// (between 7 May and 9 May) made a rest day, worked instead on Saturday 16 May.
    fn with_transfer() -> Calendar {
        let mut entries = standard_year(2026);
        entries.push(CalendarDay { date: date(2026, 5, 8), kind: DayKind::DayOff, note: "transfer".into() });
        entries.push(CalendarDay { date: date(2026, 5, 16), kind: DayKind::WorkingDay, note: "transfer".into() });
        Calendar::new(entries)
    }

    #[test]
    fn a_transferred_working_saturday_counts() {
        let cal = with_transfer();
        // Saturday 16 May is worked: an appeal sent that day is registered that day.
        assert_eq!(registration_day(utc(2026, 5, 16, 5, 0), &cal), date(2026, 5, 16));
        // Registered Wednesday 13 May: 14, 15, then the worked Saturday 16 -> redirect by 16 May;
        // without the transfer the third working day is Monday 18 May.
        assert_eq!(redirect_by(date(2026, 5, 13), &cal), date(2026, 5, 16));
        assert_eq!(redirect_by(date(2026, 5, 13), &standard(&[2026])), date(2026, 5, 18));
        // Sent on Thursday 7 May (holiday): 8 is the transferred rest day, 9 Victory Day on a
        // Saturday, 10 Sunday, 11 the rest day for 9 May -> registered Tuesday 12 May.
        assert_eq!(registration_day(utc(2026, 5, 7, 5, 0), &cal), date(2026, 5, 12));
    }

    #[test]
    fn a_request_for_information_gets_fifteen_calendar_days() {
        let cal = standard(&[2026]);
        // Registered Thursday 5 March 2026: 15 calendar days later is Friday 20 March, a working
        // day; a statement from the same day gets 15 working days, skipping 9 March (8 March on a
        // Sunday) and 21-25 March (Nauryz): 6, 10-13, 16-20, 26, 27, 30, 31 March, 1 April.
        assert_eq!(answer_deadline(AppealType::Request, date(2026, 3, 5), &cal), date(2026, 3, 20));
        assert_eq!(answer_deadline(AppealType::Statement, date(2026, 3, 5), &cal), date(2026, 4, 1));
        // Registered Friday 6 March: day 15 is Saturday 21 March, Nauryz; the rest runs to Wednesday
        // 25, so the deadline moves to the next working day, Thursday 26 March.
        assert_eq!(answer_deadline(AppealType::Request, date(2026, 3, 6), &cal), date(2026, 3, 26));
    }

    #[test]
    fn two_months_end_on_the_same_date_or_the_months_last_day() {
        // 15 January -> 15 March; 31 March -> 31 May (May has a 31st).
        assert_eq!(max_extended_deadline(date(2026, 1, 15)), date(2026, 3, 15));
        assert_eq!(max_extended_deadline(date(2026, 3, 31)), date(2026, 5, 31));
        // 31 December 2026 -> February 2027 has no 31st: its last day, the 28th.
        assert_eq!(max_extended_deadline(date(2026, 12, 31)), date(2027, 2, 28));
        // 31 December 2027 -> 2028 is a leap year: 29 February.
        assert_eq!(max_extended_deadline(date(2027, 12, 31)), date(2028, 2, 29));
        // 31 August -> 31 October; 31 July -> 30 September (September has 30 days).
        assert_eq!(max_extended_deadline(date(2026, 8, 31)), date(2026, 10, 31));
        assert_eq!(max_extended_deadline(date(2026, 7, 31)), date(2026, 9, 30));
    }

    #[test]
    fn extensions_must_extend_and_stay_within_two_months() {
        // Registered 31 Dec 2026, answer due 26 Jan 2027, cap 28 Feb 2027.
        let (registered, current) = (date(2026, 12, 31), date(2027, 1, 26));
        assert_eq!(
            check_extension(registered, current, current),
            Err(ExtensionError::NotLater { current, requested: current })
        );
        assert_eq!(
            check_extension(registered, current, date(2027, 1, 20)),
            Err(ExtensionError::NotLater { current, requested: date(2027, 1, 20) })
        );
        assert_eq!(
            check_extension(registered, current, date(2027, 3, 1)),
            Err(ExtensionError::BeyondCap { cap: date(2027, 2, 28), requested: date(2027, 3, 1) })
        );
        // The cap itself and anything between are allowed.
        assert_eq!(check_extension(registered, current, date(2027, 2, 28)), Ok(()));
        assert_eq!(check_extension(registered, current, date(2027, 2, 12)), Ok(()));
        // A second extension from an extended deadline follows the same cap.
        assert!(check_extension(registered, date(2027, 2, 12), date(2027, 2, 26)).is_ok());
    }

    #[test]
    fn redirect_by_skips_a_weekend() {
        let cal = standard(&[2026]);
        // Registered Friday 17 April 2026: Mon 20, Tue 21, Wed 22 April.
        assert_eq!(redirect_by(date(2026, 4, 17), &cal), date(2026, 4, 22));
        // Registered Wednesday 15 April: 16, 17, then Monday 20 April.
        assert_eq!(redirect_by(date(2026, 4, 15), &cal), date(2026, 4, 20));
    }

    #[test]
    fn a_notice_is_late_after_three_working_days() {
        let cal = standard(&[2026]);
        // Extended on Friday 27 March 2026: due by 30, 31 March, 1 April.
        assert!(!notice_late(date(2026, 3, 27), date(2026, 3, 27), &cal));
        assert!(!notice_late(date(2026, 3, 27), date(2026, 4, 1), &cal));
        assert!(notice_late(date(2026, 3, 27), date(2026, 4, 2), &cal));
        // Extended on Friday 20 March, before Nauryz: 26, 27, 30 March, so ten calendar days
        // later is still on time and the day after is late.
        assert!(!notice_late(date(2026, 3, 20), date(2026, 3, 30), &cal));
        assert!(notice_late(date(2026, 3, 20), date(2026, 3, 31), &cal));
    }
}
