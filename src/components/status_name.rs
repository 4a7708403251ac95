use crate::i18n::*;
use api::cases::CaseStatus;

/// A case status as the citizen reads it.
pub fn status_name(i18n: leptos_i18n::I18nContext<Locale>, status: CaseStatus) -> &'static str {
    match status {
        CaseStatus::Submitted => t_string!(i18n, status.submitted),
        CaseStatus::Received => t_string!(i18n, status.received),
        CaseStatus::Assigned => t_string!(i18n, status.assigned),
        CaseStatus::Answered => t_string!(i18n, status.answered),
        CaseStatus::Published => t_string!(i18n, status.published),
        CaseStatus::Closed => t_string!(i18n, status.closed),
        CaseStatus::Rejected => t_string!(i18n, status.rejected),
        CaseStatus::Redirected => t_string!(i18n, status.redirected),
        CaseStatus::LeftWithoutConsideration => t_string!(i18n, status.left_without_consideration),
        _ => t_string!(i18n, status.other),
    }
}

/// A date as people in Kazakhstan write it, 21.03.2026, in Astana time (UTC+5). The browser's
/// Date does the arithmetic, which keeps a date library out of the download.
pub fn local_date(unix_seconds: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64((unix_seconds + 5 * 3600) as f64 * 1000.0));
    format!("{:02}.{:02}.{}", date.get_utc_date(), date.get_utc_month() + 1, date.get_utc_full_year())
}

/// A date and time in Astana time (UTC+5), as people in Kazakhstan write it: 21.03.2026, 14:05.
pub fn local_date_time(unix_seconds: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64((unix_seconds + 5 * 3600) as f64 * 1000.0));
    format!(
        "{:02}.{:02}.{}, {:02}:{:02}",
        date.get_utc_date(),
        date.get_utc_month() + 1,
        date.get_utc_full_year(),
        date.get_utc_hours(),
        date.get_utc_minutes()
    )
}

/// A calendar date the API sends as `YYYY-MM-DD`, written as people in Kazakhstan write it.
pub fn shown_date(iso: &str) -> String {
    iso.split('-').rev().collect::<Vec<_>>().join(".")
}
