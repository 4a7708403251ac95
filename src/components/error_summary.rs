use crate::a11y::focus_by_id;
use crate::i18n::*;
use api::domain::{FieldError, FieldProblem};
use leptos::prelude::*;

/// The translated message for one field's problem.
pub fn problem_text(i18n: leptos_i18n::I18nContext<Locale>, error: &FieldError) -> &'static str {
    use FieldProblem::*;
    match (error.field.as_str(), error.problem) {
        ("body", _) => t_string!(i18n, problem.body),
        ("category_id", _) => t_string!(i18n, problem.category),
        ("lang", _) => t_string!(i18n, problem.lang),
        ("name", Missing) => t_string!(i18n, problem.name_missing),
        ("name", _) => t_string!(i18n, problem.name_bad),
        ("email", Missing) => t_string!(i18n, problem.email_missing),
        ("email", _) => t_string!(i18n, problem.email_bad),
        ("text", Missing) => t_string!(i18n, problem.text_missing),
        ("text", TooLong) => t_string!(i18n, problem.text_long),
        ("text", _) => t_string!(i18n, problem.text_short),
        ("consent", _) => t_string!(i18n, problem.consent),
        // A reception session: full, or past or unknown.
        ("slot", TooMany) => t_string!(i18n, hub.slot_full),
        ("slot", _) => t_string!(i18n, hub.slot_gone),
        ("score", _) => t_string!(i18n, rate.choose),
        ("password", _) => t_string!(i18n, problem.password_missing),
        ("department_id", _) => t_string!(i18n, problem.department),
        ("executor_id", PreviousExecutor) => t_string!(i18n, problem.previous_executor),
        ("executor_id", _) => t_string!(i18n, problem.executor),
        ("reason" | "extend_reason", TooLong) => t_string!(i18n, problem.note_long),
        ("reason" | "extend_reason", _) => t_string!(i18n, problem.reason),
        ("deadline", Missing) => t_string!(i18n, problem.deadline_missing),
        ("deadline", TooEarly) => t_string!(i18n, problem.deadline_early),
        ("deadline", TooLate) => t_string!(i18n, problem.deadline_late),
        ("deadline", _) => t_string!(i18n, problem.deadline_bad),
        ("decided_on", TooLate) => t_string!(i18n, problem.decided_on_late),
        ("decided_on", _) => t_string!(i18n, problem.decided_on_bad),
        ("outcome", _) => t_string!(i18n, problem.outcome),
        ("file", TooLarge) => t_string!(i18n, problem.file_large),
        ("file", FileType) => t_string!(i18n, problem.file_type),
        ("file", TooMany) => t_string!(i18n, problem.file_many),
        ("file", _) => t_string!(i18n, problem.file_missing),
        ("duplicate_of", _) => t_string!(i18n, problem.duplicate_of),
        ("answer_html", _) => t_string!(i18n, problem.answer),
        ("public_text", _) => t_string!(i18n, problem.public_text),
        ("day_note", TooLong) => t_string!(i18n, problem.day_note_long),
        ("day_note", _) => t_string!(i18n, problem.day_note),
        ("note", TooLong) => t_string!(i18n, problem.note_long),
        ("note", _) => t_string!(i18n, problem.note_missing),
        ("date", _) => t_string!(i18n, problem.date),
        ("kind", _) => t_string!(i18n, problem.day_kind),
        ("answer_working_days", _) => t_string!(i18n, problem.answer_days),
        // Appeals: the wizard's fields, and the tracking form's.
        ("filer", _) => t_string!(i18n, problem.appeal_filer),
        ("iin", Missing) => t_string!(i18n, problem.appeal_iin_missing),
        ("iin", BadChecksum) => t_string!(i18n, problem.appeal_iin_checksum),
        ("iin", _) => t_string!(i18n, problem.appeal_iin_bad),
        ("bin", Missing) => t_string!(i18n, problem.appeal_bin_missing),
        ("bin", BadChecksum) => t_string!(i18n, problem.appeal_bin_checksum),
        ("bin", _) => t_string!(i18n, problem.appeal_bin_bad),
        ("surname", Missing) => t_string!(i18n, problem.appeal_surname_missing),
        ("surname", _) => t_string!(i18n, problem.appeal_surname_bad),
        ("given_name", Missing) => t_string!(i18n, problem.appeal_given_name_missing),
        ("given_name", _) => t_string!(i18n, problem.appeal_given_name_bad),
        ("patronymic", _) => t_string!(i18n, problem.appeal_patronymic_bad),
        ("organisation", Missing) => t_string!(i18n, problem.appeal_organisation_missing),
        ("organisation", _) => t_string!(i18n, problem.appeal_organisation_bad),
        ("phone", Missing) => t_string!(i18n, problem.appeal_phone_missing),
        ("phone", _) => t_string!(i18n, problem.appeal_phone_bad),
        ("address", _) => t_string!(i18n, problem.appeal_address_long),
        ("appeal_type", _) => t_string!(i18n, problem.appeal_type),
        ("earlier_number", UnknownChoice) => t_string!(i18n, problem.appeal_earlier_unknown),
        ("earlier_number", _) => t_string!(i18n, problem.appeal_earlier_bad),
        ("email_code", Missing) => t_string!(i18n, problem.appeal_code_missing),
        ("email_code", _) => t_string!(i18n, problem.appeal_code_wrong),
        ("files", _) => t_string!(i18n, problem.appeal_files_many),
        (file, TooLarge) if file.starts_with("files.") => t_string!(i18n, problem.appeal_file_large),
        (file, _) if file.starts_with("files.") => t_string!(i18n, problem.appeal_file_type),
        ("appeal_text", Missing) => t_string!(i18n, problem.appeal_text_missing),
        ("appeal_text", TooLong) => t_string!(i18n, problem.appeal_text_long),
        ("appeal_text", _) => t_string!(i18n, problem.appeal_text_short),
        ("appeal_consent", _) => t_string!(i18n, problem.appeal_consent),
        ("answer_lang", _) => t_string!(i18n, problem.appeal_lang),
        ("appeal_category", _) => t_string!(i18n, problem.appeal_category),
        ("track_number", Missing) => t_string!(i18n, problem.appeal_number_missing),
        ("track_number", _) => t_string!(i18n, problem.appeal_number_bad),
        ("track_code", _) => t_string!(i18n, problem.appeal_track_code_missing),
        _ => t_string!(i18n, error_internal),
    }
}

/// The element id of a form field, shared by the input, its label and the summary's links.
pub fn field_id(field: &str) -> String {
    format!("field-{field}")
}

/// "There is a problem", with a link to each field that needs correcting (the GOV.UK pattern).
/// It takes focus when shown, so screen readers read it first.
#[component]
pub fn ErrorSummary(errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let i18n = use_i18n();
    let summary = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let has_errors = !errors.read().is_empty();
        // The page title starts with "Error:" while the form shows errors, so it is the first
        // thing a screen reader says when the citizen returns to the tab.
        let prefix = format!("{}: ", t_string!(i18n, ask.error_prefix));
        let title = document().title();
        match title.strip_prefix(&prefix) {
            Some(rest) if !has_errors => document().set_title(rest),
            None if has_errors => document().set_title(&format!("{prefix}{title}")),
            _ => {}
        }
        if has_errors && let Some(element) = summary.get() {
            let _ = element.focus();
        }
    });
    view! {
        <Show when=move || !errors.read().is_empty()>
            <div class="error-summary" role="alert" tabindex="-1" node_ref=summary id="error-summary">
                <h2>{t!(i18n, ask.error_summary)}</h2>
                <ul>
                    {move || {
                        errors
                            .get()
                            .into_iter()
                            .map(|error| {
                                let id = field_id(&error.field);
                                let href = format!("#{id}");
                                view! {
                                    <li>
                                        <a
                                            href=href
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                focus_by_id(&id);
                                            }
                                        >
                                            {problem_text(i18n, &error)}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}

/// The message next to a field, when it has a problem.
#[component]
pub fn FieldMessage(field: &'static str, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let i18n = use_i18n();
    let error = move || errors.read().iter().find(|e| e.field == field).cloned();
    move || {
        error().map(|e| {
            view! {
                <p class="field-error-message" id=format!("{}-error", field_id(field))>
                    <span class="visually-hidden">{t_string!(i18n, ask.error_prefix)} ": "</span>
                    {problem_text(i18n, &e)}
                </p>
            }
        })
    }
}

/// `aria-describedby` for a field: the elements `field-<name>-<part>` (a hint, a counter), and
/// its error message when it has one.
pub fn described_by(
    field: &'static str,
    errors: RwSignal<Vec<FieldError>>,
    parts: &'static [&'static str],
) -> impl Fn() -> String {
    move || {
        let id = field_id(field);
        let mut ids: Vec<String> = parts.iter().map(|p| format!("{id}-{p}")).collect();
        if errors.read().iter().any(|e| e.field == field) {
            ids.push(format!("{id}-error"));
        }
        ids.join(" ")
    }
}

pub fn has_error(field: &'static str, errors: RwSignal<Vec<FieldError>>) -> impl Fn() -> bool {
    move || errors.read().iter().any(|e| e.field == field)
}
