//! The working-day calendar that deadlines count on. Everyone in the office can read it;
//! platform administrators add the government's transfers and the date of Kurban Ait, or remove
//! their own entries (the standard entry of the law comes back).

use crate::client::FetchError;
use crate::components::error_summary::{ErrorSummary, FieldMessage, described_by, has_error};
use crate::components::page_heading::PageHeading;
use crate::components::status_name::shown_date;
use crate::i18n::*;
use crate::lang::use_lang;
use crate::office::{OfficeLoadError, client, use_session};
use api::domain::{FieldError, FieldProblem};
use api::office::{CalendarChange, CalendarEntry, DayKind};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

fn kind_name(i18n: leptos_i18n::I18nContext<Locale>, kind: DayKind) -> &'static str {
    match kind {
        DayKind::Holiday => t_string!(i18n, office.day_holiday),
        DayKind::DayOff => t_string!(i18n, office.day_off),
        DayKind::WorkingDay => t_string!(i18n, office.day_working),
    }
}

fn this_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
}

#[component]
pub fn CalendarPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let query = use_query_map();
    let session = use_session();
    let year = Memo::new(move |_| {
        query
            .read()
            .get("year")
            .and_then(|y| y.parse::<i32>().ok())
            .filter(|y| (2000..=2100).contains(y))
            .unwrap_or_else(this_year)
    });
    let entries = LocalResource::new(move || {
        let year = year.get();
        async move { client::calendar(year).await }
    });
    let outcome = RwSignal::new(None::<String>);
    let title = Signal::derive(move || t_string!(i18n, office.task_calendar).to_owned());
    let loading = move || view! { <p role="status">{t!(i18n, loading)}</p> };
    let year_link = move |delta: i32| format!("/{}/office/calendar?year={}", lang.get(), year.get() + delta);
    let changed = Callback::new(move |message: String| {
        outcome.set(Some(message));
        entries.refetch();
        crate::a11y::focus_by_id("calendar-outcome");
    });
    view! {
        <PageHeading text=title />
        <p class="lead">{t!(i18n, office.calendar_intro)}</p>
        <nav class="year-nav" aria-label=move || t_string!(i18n, office.year)>
            <a href=move || year_link(-1)>{move || (year.get() - 1).to_string()}</a>
            <span aria-current="page">{move || year.get().to_string()}</span>
            <a href=move || year_link(1)>{move || (year.get() + 1).to_string()}</a>
        </nav>
        <div
            id="calendar-outcome"
            tabindex="-1"
            role="status"
            class:panel-success=move || outcome.with(Option::is_some)
        >
            {move || outcome.get()}
        </div>
        {move || session.platform_admin().then(|| view! { <DayForm changed /> })}
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match entries.await {
                    Ok(list) => view! { <CalendarTable entries=list changed year=year.get_untracked() /> }.into_any(),
                    Err(error) => view! { <OfficeLoadError error on_retry=move |_| entries.refetch() /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn CalendarTable(entries: Vec<CalendarEntry>, changed: Callback<String>, year: i32) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let admin = session.platform_admin();
    let remove = move |date: String| {
        let csrf = session.csrf();
        leptos::task::spawn_local(async move {
            let message = match client::remove_calendar_day(&date, &csrf).await {
                Ok(()) => format!("{}: {date}", t_string!(i18n, office.day_removed)),
                Err(_) => t_string!(i18n, error_internal).to_owned(),
            };
            changed.run(message);
        });
    };
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="calendar-caption">
            <table class="data-table">
                <caption id="calendar-caption">{t!(i18n, office.calendar_caption)} " " {year}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, office.date)}</th>
                        <th scope="col">{t!(i18n, office.day_kind)}</th>
                        <th scope="col">{t!(i18n, office.note)}</th>
                        <th scope="col">{t!(i18n, office.source)}</th>
                        {admin.then(|| view! { <th scope="col">{t!(i18n, office.actions)}</th> })}
                    </tr>
                </thead>
                <tbody>
                    {entries
                        .into_iter()
                        .map(|entry| {
                            let shown = shown_date(&entry.date);
                            let date = entry.date.clone();
                            let source = if entry.standard {
                                t_string!(i18n, office.source_law)
                            } else {
                                t_string!(i18n, office.source_admin)
                            };
                            view! {
                                <tr>
                                    <td>{shown.clone()}</td>
                                    <td>{move || kind_name(i18n, entry.kind)}</td>
                                    <td>{entry.note.clone()}</td>
                                    <td>{source}</td>
                                    {admin
                                        .then(|| {
                                            if entry.standard {
                                                return view! { <td></td> }.into_any();
                                            }
                                            let label = format!("{} {shown}", t_string!(i18n, office.remove));
                                            view! {
                                                <td>
                                                    <button
                                                        type="button"
                                                        class="link-button"
                                                        aria-label=label
                                                        on:click=move |_| remove(date.clone())
                                                    >
                                                        {t!(i18n, office.remove)}
                                                    </button>
                                                </td>
                                            }
                                                .into_any()
                                        })}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn DayForm(changed: Callback<String>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let date = RwSignal::new(String::new());
    let kind = RwSignal::new(DayKind::DayOff);
    let note = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut problems = Vec::new();
        if date.get_untracked().is_empty() {
            problems.push(FieldError { field: "date".into(), problem: FieldProblem::Missing });
        }
        if note.get_untracked().trim().is_empty() {
            problems.push(FieldError { field: "day_note".into(), problem: FieldProblem::Missing });
        }
        errors.set(problems);
        if !errors.read_untracked().is_empty() {
            return;
        }
        let change = CalendarChange { kind: kind.get_untracked(), note: note.get_untracked().trim().to_owned() };
        let (day, csrf) = (date.get_untracked(), session.csrf());
        leptos::task::spawn_local(async move {
            match client::set_calendar_day(&day, &change, &csrf).await {
                Ok(entry) => {
                    date.set(String::new());
                    note.set(String::new());
                    changed.run(format!("{}: {}", t_string!(i18n, office.day_saved), entry.date));
                }
                // The API calls the reason `note`; on this form it is `day_note`, with its own message.
                Err(FetchError::Invalid(fields)) => errors.set(
                    fields
                        .into_iter()
                        .map(|e| if e.field == "note" { FieldError { field: "day_note".into(), ..e } } else { e })
                        .collect(),
                ),
                Err(_) => changed.run(t_string!(i18n, error_internal).to_owned()),
            }
        });
    };
    view! {
        <section class="action" aria-labelledby="day-form-heading">
            <h2 id="day-form-heading">{t!(i18n, office.day_form_title)}</h2>
            <ErrorSummary errors />
            <form novalidate on:submit=submit>
                <div class="field" class:field-invalid=has_error("date", errors)>
                    <label for="field-date">{t!(i18n, office.date)}</label>
                    <FieldMessage field="date" errors />
                    <input
                        id="field-date"
                        type="date"
                        aria-describedby=described_by("date", errors, &[])
                        prop:value=move || date.get()
                        on:input:target=move |ev| date.set(ev.target().value())
                    />
                </div>
                <fieldset class="field" class:field-invalid=has_error("kind", errors)>
                    <legend>{t!(i18n, office.day_kind)}</legend>
                    <FieldMessage field="kind" errors />
                    <div class="choices choices-stacked" id="field-kind" tabindex="-1">
                        {DayKind::ALL
                            .into_iter()
                            .map(|k| {
                                let id = format!("field-kind-{}", k.as_str());
                                view! {
                                    <div class="choice">
                                        <input
                                            type="radio"
                                            name="kind"
                                            id=id.clone()
                                            prop:checked=move || kind.get() == k
                                            on:change=move |_| kind.set(k)
                                        />
                                        <label for=id>{move || kind_name(i18n, k)}</label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </div>
                </fieldset>
                <div class="field" class:field-invalid=has_error("note", errors)>
                    <label for="field-note">{t!(i18n, office.day_note)}</label>
                    <p class="hint" id="field-note-hint">
                        {t!(i18n, office.day_note_hint)}
                    </p>
                    <FieldMessage field="note" errors />
                    <input
                        id="field-note"
                        type="text"
                        maxlength="200"
                        aria-describedby=described_by("day_note", errors, &["hint"])
                        prop:value=move || note.get()
                        on:input:target=move |ev| note.set(ev.target().value())
                    />
                </div>
                <button type="submit" class="button">
                    {t!(i18n, office.save)}
                </button>
            </form>
        </section>
    }
}
