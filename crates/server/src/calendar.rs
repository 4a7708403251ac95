//! Working days on the Kazakhstan calendar: weekends, public holidays, a holiday falling on a
//! weekend moving to the next working day (except religious holidays, Labour Code art. 85), and
//! the government's yearly transfers. The calendar is data: the standard entries are generated
//! here, administrators add transfers and the date of Kurban Ait, and deadlines count on the result.

use api::office::DayKind;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use std::collections::BTreeMap;

/// One entry of the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarDay {
    pub date: NaiveDate,
    pub kind: DayKind,
    /// Why: the holiday's name, or the decree of a transfer.
    pub note: String,
}

/// The public holidays fixed by date, as (month, day, name). Religious ones do not move off weekends.
const FIXED_HOLIDAYS: [(u32, u32, &str, bool); 14] = [
    (1, 1, "Жаңа жыл / Новый год", false),
    (1, 2, "Жаңа жыл / Новый год", false),
    (1, 7, "Православиелік Рождество / Православное Рождество", true),
    (3, 8, "Халықаралық әйелдер күні / Международный женский день", false),
    (3, 21, "Наурыз мейрамы / Наурыз мейрамы", false),
    (3, 22, "Наурыз мейрамы / Наурыз мейрамы", false),
    (3, 23, "Наурыз мейрамы / Наурыз мейрамы", false),
    (5, 1, "Қазақстан халқының бірлігі мерекесі / Праздник единства народа Казахстана", false),
    (5, 7, "Отан қорғаушы күні / День защитника Отечества", false),
    (5, 9, "Жеңіс күні / День Победы", false),
    (7, 6, "Астана күні / День столицы", false),
    (8, 30, "Конституция күні / День Конституции", false),
    (10, 25, "Республика күні / День Республики", false),
    (12, 16, "Тәуелсіздік күні / День Независимости", false),
];

/// The first day of Kurban Ait, set each year by the Spiritual Administration of Muslims.
/// Administrators add later years; these are the announced dates.
const KURBAN_AIT: [(i32, u32, u32); 4] = [(2024, 6, 16), (2025, 6, 6), (2026, 5, 27), (2027, 5, 16)];

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

fn next_day(date: NaiveDate) -> NaiveDate {
    date.checked_add_days(Days::new(1)).unwrap_or(date)
}

/// The standard entries of `year`: holidays, and the rest days they move to when they fall on a
/// weekend. Transfers decreed by the government are added by administrators.
pub fn standard_year(year: i32) -> Vec<CalendarDay> {
    let mut holidays: Vec<(NaiveDate, &str, bool)> = FIXED_HOLIDAYS
        .iter()
        .filter_map(|&(m, d, name, religious)| NaiveDate::from_ymd_opt(year, m, d).map(|date| (date, name, religious)))
        .collect();
    for &(y, m, d) in &KURBAN_AIT {
        if let Some(date) = NaiveDate::from_ymd_opt(y, m, d).filter(|_| y == year) {
            holidays.push((date, "Құрбан айт / Курбан айт", true));
        }
    }
    holidays.sort_by_key(|h| h.0);

    let mut days: BTreeMap<NaiveDate, CalendarDay> = holidays
        .iter()
        .map(|&(date, name, _)| (date, CalendarDay { date, kind: DayKind::Holiday, note: name.to_owned() }))
        .collect();
    for &(date, name, religious) in &holidays {
        if religious || !is_weekend(date) {
            continue;
        }
        let mut moved = next_day(date);
        while is_weekend(moved) || days.contains_key(&moved) {
            moved = next_day(moved);
        }
        days.insert(moved, CalendarDay { date: moved, kind: DayKind::DayOff, note: format!("{name} ({date})") });
    }
    days.into_values().collect()
}

/// A calendar to count working days on.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    days: BTreeMap<NaiveDate, DayKind>,
}

impl Calendar {
    pub fn new(entries: impl IntoIterator<Item = CalendarDay>) -> Calendar {
        Calendar { days: entries.into_iter().map(|d| (d.date, d.kind)).collect() }
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        match self.days.get(&date) {
            Some(DayKind::WorkingDay) => true,
            Some(DayKind::Holiday | DayKind::DayOff) => false,
            None => !is_weekend(date),
        }
    }

    /// `date` itself if it is a working day, else the next one.
    pub fn next_working_day(&self, date: NaiveDate) -> NaiveDate {
        let mut day = date;
        while !self.is_working_day(day) {
            day = next_day(day);
        }
        day
    }

    /// The last day to answer a case registered on `registered`, `working_days` later. A case
    /// arriving on a non-working day counts from the next working day.
    pub fn deadline(&self, registered: NaiveDate, working_days: u32) -> NaiveDate {
        let mut day = self.next_working_day(registered);
        for _ in 0..working_days {
            day = self.next_working_day(next_day(day));
        }
        day
    }

    /// How many working days remain from `today` until `deadline` (negative when overdue).
    pub fn working_days_left(&self, today: NaiveDate, deadline: NaiveDate) -> i64 {
        let (from, to, sign) = if today <= deadline { (today, deadline, 1) } else { (deadline, today, -1) };
        let mut count = 0;
        let mut day = from;
        while day < to {
            day = next_day(day);
            if self.is_working_day(day) {
                count += 1;
            }
        }
        sign * count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn standard(years: &[i32]) -> Calendar {
        Calendar::new(years.iter().flat_map(|&y| standard_year(y)))
    }

    #[test]
    fn nauryz_2026_on_a_weekend_gives_rest_until_wednesday_25_march() {
        // 21 March 2026 is a Saturday and 22 a Sunday: both move to the next working days.
        let cal = standard(&[2026]);
        for d in 21..=25 {
            assert!(!cal.is_working_day(date(2026, 3, d)), "21-25 March 2026 are not worked: {d}");
        }
        assert!(cal.is_working_day(date(2026, 3, 20)));
        assert!(cal.is_working_day(date(2026, 3, 26)));
    }

    #[test]
    fn a_question_registered_before_nauryz_gets_its_deadline_after_the_rest_days() {
        let cal = standard(&[2026]);
        // Registered Friday 20 March 2026; 15 working days skip 21-25 March and two weekends.
        assert_eq!(cal.deadline(date(2026, 3, 20), 15), date(2026, 4, 15));
    }

    #[test]
    fn a_question_arriving_on_new_years_day_counts_from_the_next_working_day() {
        let cal = standard(&[2026]);
        // 1-2 January 2026 (Thu, Fri) are holidays, 3-4 the weekend, 7 January is Christmas.
        assert_eq!(cal.next_working_day(date(2026, 1, 1)), date(2026, 1, 5));
        assert_eq!(cal.deadline(date(2026, 1, 1), 1), date(2026, 1, 6));
        assert_eq!(cal.deadline(date(2026, 1, 1), 3), date(2026, 1, 9));
    }

    #[test]
    fn new_year_2027_on_a_saturday_moves_to_monday() {
        // 2 January 2027 is a Saturday: Monday 4 January is a rest day.
        let cal = standard(&[2027]);
        assert!(!cal.is_working_day(date(2027, 1, 4)));
        assert!(cal.is_working_day(date(2027, 1, 5)));
    }

    #[test]
    fn religious_holidays_on_a_weekend_do_not_move() {
        // Kurban Ait 2024 fell on Sunday 16 June: Monday 17 June was worked.
        let cal = standard(&[2024]);
        assert!(!cal.is_working_day(date(2024, 6, 16)));
        assert!(cal.is_working_day(date(2024, 6, 17)));
    }

    #[test]
    fn a_government_transfer_makes_a_saturday_worked_and_a_weekday_rest() {
        let mut entries = standard_year(2026);
        entries.push(CalendarDay { date: date(2026, 1, 3), kind: DayKind::WorkingDay, note: "transfer".into() });
        entries.push(CalendarDay { date: date(2026, 1, 5), kind: DayKind::DayOff, note: "transfer".into() });
        let cal = Calendar::new(entries);
        assert!(cal.is_working_day(date(2026, 1, 3)));
        assert!(!cal.is_working_day(date(2026, 1, 5)));
        assert_eq!(cal.next_working_day(date(2026, 1, 1)), date(2026, 1, 3));
    }

    #[test]
    fn days_left_count_working_days_and_go_negative_when_overdue() {
        let cal = standard(&[2026]);
        assert_eq!(cal.working_days_left(date(2026, 3, 20), date(2026, 3, 27)), 2);
        assert_eq!(cal.working_days_left(date(2026, 3, 27), date(2026, 3, 27)), 0);
        assert_eq!(cal.working_days_left(date(2026, 3, 30), date(2026, 3, 27)), -1);
    }
}
