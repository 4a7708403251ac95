//! The reception schedule: upcoming sessions and those of the last 90 days with how many
//! citizens asked for each, and one form that adds a session or changes the one chosen. A
//! session citizens have asked for cannot be deleted.

use crate::a11y::focus_by_id;
use crate::client::FetchError;
use crate::components::status_name::local_date_time;
use crate::editor::fields::{DateTimeField, DeleteButton, EditButton, Outcome, Summary, TextField, failure_text};
use crate::editor::{EditorFrame, LangTexts, Part, astana_inputs, calls, from_astana, now, use_slug};
use crate::i18n::*;
use crate::lang::use_lang;
use crate::office::{OfficeLoadError, use_session};
use api::content::{ReceptionSlot, SlotDraft, SlotId};
use api::domain::{FieldError, FieldProblem};
use api::{ErrorCode, Lang};
use leptos::prelude::*;

#[component]
pub fn ScheduleEditorPage() -> impl IntoView {
    let i18n = use_i18n();
    let title = Signal::derive(move || t_string!(i18n, editor.part_schedule).to_owned());
    view! {
        <EditorFrame part=Part::Schedule title>
            <ScheduleEditor />
        </EditorFrame>
    }
}

/// The form's contents, shared by the tables (Edit fills it) and the form.
#[derive(Clone, Copy)]
struct SlotForm {
    editing: RwSignal<Option<SlotId>>,
    official: LangTexts,
    position: LangTexts,
    place: LangTexts,
    day: RwSignal<String>,
    time: RwSignal<String>,
    minutes: RwSignal<String>,
    online: RwSignal<bool>,
    capacity: RwSignal<String>,
}

impl SlotForm {
    fn new() -> Self {
        let form = SlotForm {
            editing: RwSignal::new(None),
            official: LangTexts::new(None),
            position: LangTexts::new(None),
            place: LangTexts::new(None),
            day: RwSignal::new(String::new()),
            time: RwSignal::new(String::new()),
            minutes: RwSignal::new(String::new()),
            online: RwSignal::new(false),
            capacity: RwSignal::new(String::new()),
        };
        form.fill(None);
        form
    }

    /// Takes a session in to change it, or empties the form (30 minutes, 10 citizens).
    fn fill(self, slot: Option<&ReceptionSlot>) {
        self.editing.set(slot.map(|s| s.id));
        self.official.set(slot.map(|s| &s.official));
        self.position.set(slot.map(|s| &s.position));
        self.place.set(slot.map(|s| &s.place));
        let (day, time) = slot.map(|s| astana_inputs(s.starts_at)).unwrap_or_default();
        self.day.set(day);
        self.time.set(time);
        self.minutes.set(slot.map_or(30, |s| s.minutes).to_string());
        self.online.set(slot.is_some_and(|s| s.online));
        self.capacity.set(slot.map_or(10, |s| s.capacity).to_string());
    }
}

#[component]
fn ScheduleEditor() -> impl IntoView {
    let i18n = use_i18n();
    let slug = use_slug();
    let lang = use_lang();
    let session = use_session();
    let slots = LocalResource::new(move || {
        let slug = slug.get();
        async move { calls::schedule(&slug).await }
    });
    let form = SlotForm::new();
    let outcome = RwSignal::new(None::<(bool, String)>);
    let report = move |message: (bool, String)| {
        outcome.set(Some(message));
        focus_by_id("schedule-outcome");
    };
    let edit = Callback::new(move |slot: ReceptionSlot| {
        form.fill(Some(&slot));
        outcome.set(None);
        focus_by_id("slot-form-heading");
    });
    let delete = Callback::new(move |id: SlotId| {
        let (slug, csrf) = (slug.get_untracked(), session.csrf());
        leptos::task::spawn_local(async move {
            let result = calls::delete_slot(&slug, id, &csrf).await;
            if outcome.is_disposed() {
                return;
            }
            match result {
                Ok(()) => {
                    if form.editing.get_untracked() == Some(id) {
                        form.fill(None);
                    }
                    slots.refetch();
                    report((true, t_string!(i18n, editor.slot_deleted).to_owned()));
                }
                Err(FetchError::Server(ErrorCode::Conflict)) => {
                    report((false, t_string!(i18n, editor.slot_has_requests).to_owned()))
                }
                Err(error) => report((false, failure_text(i18n, &error).to_owned())),
            }
        });
    });
    let saved = Callback::new(move |slot: ReceptionSlot| {
        form.fill(None);
        slots.refetch();
        let when = local_date_time(slot.starts_at);
        report((
            true,
            format!("{} {when}, {}", t_string!(i18n, editor.slot_saved), slot.official.get(lang.get_untracked())),
        ));
    });
    let loading = move || view! { <p role="status">{t!(i18n, loading)}</p> };
    view! {
        <p>
            <a href=move || format!("/{}/bodies/{}/schedule", lang.get(), slug.get()) rel="external">
                {t!(i18n, editor.public_schedule)}
            </a>
        </p>
        <Outcome id="schedule-outcome" message=outcome />
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match slots.await {
                    Ok(list) => {
                        let now = now();
                        let (upcoming, mut recent): (Vec<_>, Vec<_>) = list
                            .into_iter()
                            .partition(|s| s.starts_at + i64::from(s.minutes) * 60 > now);
                        recent.reverse();
                        view! {
                            <SlotTable id="upcoming" slots=upcoming edit delete />
                            <SlotTable id="recent" slots=recent edit delete />
                        }
                            .into_any()
                    }
                    Err(error) => view! { <OfficeLoadError error on_retry=move |_| slots.refetch() /> }.into_any(),
                }
            })}
        </Transition>
        <SlotFormView form saved failed=Callback::new(report) />
    }
}

/// One table of sessions: `upcoming` (soonest first) or `recent` (latest first).
#[component]
fn SlotTable(
    id: &'static str,
    slots: Vec<ReceptionSlot>,
    edit: Callback<ReceptionSlot>,
    delete: Callback<SlotId>,
) -> impl IntoView {
    let i18n = use_i18n();
    let heading_id = format!("{id}-heading");
    let heading = move || {
        if id == "upcoming" { t_string!(i18n, editor.slots_upcoming) } else { t_string!(i18n, editor.slots_recent) }
    };
    let content = if slots.is_empty() {
        view! { <p>{t!(i18n, editor.slots_none)}</p> }.into_any()
    } else {
        view! {
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby=heading_id.clone()>
                <table class="data-table">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, editor.starts_at)}</th>
                            <th scope="col">{t!(i18n, editor.official)}</th>
                            <th scope="col">{t!(i18n, editor.place)}</th>
                            <th scope="col">{t!(i18n, editor.requests)}</th>
                            <th scope="col">{t!(i18n, office.actions)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {slots.into_iter().map(|entry| view! { <SlotRow entry edit delete /> }).collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let labelled_by = heading_id.clone();
    view! {
        <section aria-labelledby=labelled_by>
            <h2 id=heading_id>{heading}</h2>
            {content}
        </section>
    }
}

#[component]
fn SlotRow(entry: ReceptionSlot, edit: Callback<ReceptionSlot>, delete: Callback<SlotId>) -> impl IntoView {
    let slot = entry;
    let i18n = use_i18n();
    let lang = use_lang();
    let when = local_date_time(slot.starts_at);
    let what = Signal::derive({
        let (when, official) = (when.clone(), slot.official.clone());
        move || format!("{when}, {}", official.get(lang.get()))
    });
    let (official, position, place) = (slot.official.clone(), slot.position.clone(), slot.place.clone());
    let requests = t_string!(i18n, editor.requests_of)
        .replace("{n}", &slot.requested.to_string())
        .replace("{capacity}", &slot.capacity.to_string());
    let minutes = t_string!(i18n, editor.minutes_short).replace("{n}", &slot.minutes.to_string());
    let (id, online) = (slot.id, slot.online);
    let slot = StoredValue::new(slot);
    view! {
        <tr>
            <td>{when} <br /> {minutes}</td>
            <td>
                {move || official.get(lang.get()).to_owned()} <br />
                <span class="hint">{move || position.get(lang.get()).to_owned()}</span>
            </td>
            <td>
                {online.then(|| view! { <strong>{t!(i18n, editor.online)} ": "</strong> })}
                {move || place.get(lang.get()).to_owned()}
            </td>
            <td>{requests}</td>
            <td>
                <div class="editor-item-actions">
                    <EditButton what on_click=move |_| edit.run(slot.get_value()) />
                    <DeleteButton what on_confirm=move |_| delete.run(id) />
                </div>
            </td>
        </tr>
    }
}

#[component]
fn SlotFormView(form: SlotForm, saved: Callback<ReceptionSlot>, failed: Callback<(bool, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let slug = use_slug();
    let session = use_session();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let saving = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let starts_at = from_astana(&form.day.get_untracked(), &form.time.get_untracked());
        let draft = SlotDraft {
            official: form.official.draft(),
            position: form.position.draft(),
            starts_at: starts_at.unwrap_or(0),
            minutes: form.minutes.get_untracked().trim().parse().unwrap_or(0),
            place: form.place.draft(),
            online: form.online.get_untracked(),
            capacity: form.capacity.get_untracked().trim().parse().unwrap_or(0),
        };
        let mut problems = draft.validate(now()).err().unwrap_or_default();
        // No date at all is a missing date, not one in the past.
        if starts_at.is_none() {
            for problem in problems.iter_mut().filter(|p| p.field == "starts_at") {
                problem.problem = FieldProblem::Missing;
            }
        }
        errors.set(problems);
        if !errors.read_untracked().is_empty() {
            return;
        }
        saving.set(true);
        let (slug, csrf, id) = (slug.get_untracked(), session.csrf(), form.editing.get_untracked());
        leptos::task::spawn_local(async move {
            let result = calls::save_slot(&slug, id, &draft, &csrf).await;
            if saving.is_disposed() {
                return;
            }
            saving.set(false);
            match result {
                Ok(slot) => saved.run(slot),
                Err(FetchError::Invalid(fields)) => errors.set(fields),
                Err(error) => failed.run((false, failure_text(i18n, &error).to_owned())),
            }
        });
    };
    let cancel = move |_| {
        form.fill(None);
        errors.set(Vec::new());
        focus_by_id("slot-form-heading");
    };
    let heading = move || {
        if form.editing.get().is_some() { t_string!(i18n, editor.slot_edit) } else { t_string!(i18n, editor.slot_add) }
    };
    view! {
        <section class="action" aria-labelledby="slot-form-heading">
            <h2 id="slot-form-heading" tabindex="-1">
                {heading}
            </h2>
            <Summary errors />
            <form novalidate on:submit=submit>
                <p class="hint">{t!(i18n, editor.languages_hint)}</p>
                {Lang::ALL
                    .into_iter()
                    .map(|l| {
                        let code = l.code();
                        view! {
                            <fieldset class="field lang-fieldset">
                                <legend lang=code>{l.endonym()}</legend>
                                <TextField
                                    field=format!("official.{code}")
                                    label=Signal::derive(move || t_string!(i18n, editor.official).to_owned())
                                    value=form.official.get(l)
                                    errors
                                    lang=l
                                />
                                <TextField
                                    field=format!("position.{code}")
                                    label=Signal::derive(move || t_string!(i18n, editor.position).to_owned())
                                    value=form.position.get(l)
                                    errors
                                    lang=l
                                />
                                <TextField
                                    field=format!("place.{code}")
                                    label=Signal::derive(move || t_string!(i18n, editor.place).to_owned())
                                    hint=Signal::derive(move || t_string!(i18n, editor.place_hint).to_owned())
                                    value=form.place.get(l)
                                    errors
                                    lang=l
                                />
                            </fieldset>
                        }
                    })
                    .collect_view()}
                <DateTimeField
                    field="starts_at"
                    legend=Signal::derive(move || t_string!(i18n, editor.starts_at).to_owned())
                    day=form.day
                    time=form.time
                    errors
                />
                <TextField
                    field="minutes"
                    label=Signal::derive(move || t_string!(i18n, editor.minutes).to_owned())
                    value=form.minutes
                    errors
                    kind="number"
                />
                <div class="field choice">
                    <input
                        type="checkbox"
                        id="field-online"
                        prop:checked=move || form.online.get()
                        on:change:target=move |ev| form.online.set(ev.target().checked())
                    />
                    <label for="field-online">{t!(i18n, editor.online_label)}</label>
                </div>
                <TextField
                    field="capacity"
                    label=Signal::derive(move || t_string!(i18n, editor.capacity).to_owned())
                    value=form.capacity
                    errors
                    kind="number"
                />
                <button type="submit" class="button" aria-disabled=move || saving.get().then_some("true")>
                    {t!(i18n, editor.save)}
                </button>
                " "
                <Show when=move || form.editing.get().is_some()>
                    <button type="button" class="button button-secondary" on:click=cancel>
                        {t!(i18n, editor.cancel_edit)}
                    </button>
                </Show>
            </form>
        </section>
    }
}
