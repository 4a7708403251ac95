//! The appeal's text and its attachments. The browser checks what it can at once (how many
//! files, their size, their name's extension) and says which file and why; the server checks
//! each file's content too.

use crate::a11y::use_announcer;
use crate::appeals::draft::use_wizard;
use crate::appeals::fields::Step;
use crate::appeals::file_size;
use crate::appeals::wizard::{continue_from, step_error_signal, step_navigator};
use crate::components::error_summary::{ErrorSummary, FieldMessage, described_by, field_id, has_error, problem_text};
use crate::i18n::*;
use api::appeals::{MAX_FILE_BYTES, MAX_FILES};
use api::domain::{FieldError, QuestionText};
use leptos::prelude::*;

/// What the file input offers; the server decides by content.
pub const ACCEPT: &str = ".pdf,.jpg,.jpeg,.png,.docx";

fn extension_ok(name: &str) -> bool {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    ["pdf", "jpg", "jpeg", "png", "docx"].contains(&ext.as_str())
}

#[component]
pub fn TextStep() -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let wizard = use_wizard();
    let draft = wizard.draft;
    let files = wizard.files;
    let errors = step_error_signal(wizard);
    let go = step_navigator();
    // The files the browser refused, each with its name and why.
    let refused = RwSignal::new(Vec::<String>::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        continue_from(Step::Text, wizard, errors, &go);
    };

    let on_files = move |input: web_sys::HtmlInputElement| {
        let mut problems = Vec::new();
        if let Some(list) = input.files() {
            for i in 0..list.length() {
                let Some(file) = list.get(i) else { continue };
                let name = file.name();
                let why = if files.with_untracked(Vec::len) >= MAX_FILES {
                    Some(t_string!(i18n, appeals.file_too_many))
                } else if file.size() > MAX_FILE_BYTES as f64 {
                    Some(t_string!(i18n, appeals.file_too_large))
                } else if !extension_ok(&name) {
                    Some(t_string!(i18n, appeals.file_wrong_type))
                } else {
                    None
                };
                match why {
                    Some(why) => problems.push(format!("«{name}»: {why}")),
                    None => files.update(|f| f.push(file)),
                }
            }
        }
        // The same file may be chosen again after it was removed.
        input.set_value("");
        // Server errors named files by position, which has changed.
        errors.update(|e| e.retain(|e| !e.field.starts_with("files")));
        if !problems.is_empty() {
            announcer.say(problems.join(" "));
        }
        refused.set(problems);
    };
    let remove = move |index: usize| {
        let name = files.with_untracked(|f| f.get(index).map(web_sys::File::name)).unwrap_or_default();
        files.update(|f| {
            if index < f.len() {
                f.remove(index);
            }
        });
        errors.update(|e| e.retain(|e| !e.field.starts_with("files")));
        announcer.say(format!("«{name}»: {}", t_string!(i18n, appeals.file_removed)));
        crate::a11y::focus_by_id("field-files");
    };

    let left = move || QuestionText::MAX_LEN as i64 - draft.with(|d| d.form.text.trim().chars().count() as i64);
    let count = move || {
        let n = left();
        if n >= 0 {
            format!("{}: {n}", t_string!(i18n, ask.chars_left))
        } else {
            format!("{}: {}", t_string!(i18n, ask.chars_over), -n)
        }
    };

    view! {
        <p class="lead">{t!(i18n, appeals.text_intro)}</p>
        <ErrorSummary errors />
        <form novalidate on:submit=submit>
            <div class="field" class:field-invalid=has_error("appeal_text", errors)>
                <label for=field_id("appeal_text")>{t!(i18n, appeals.text)}</label>
                <p class="hint" id="field-appeal_text-hint">
                    {t!(i18n, appeals.text_hint)}
                </p>
                <FieldMessage field="appeal_text" errors />
                <textarea
                    id=field_id("appeal_text")
                    name="text"
                    rows="12"
                    aria-describedby=described_by("appeal_text", errors, &["hint", "count"])
                    aria-invalid=move || has_error("appeal_text", errors)().then_some("true")
                    prop:value=move || draft.with(|d| d.form.text.clone())
                    on:input:target=move |ev| draft.update(|d| d.form.text = ev.target().value())
                ></textarea>
                <p class="hint" id="field-appeal_text-count" class:over-limit=move || left() < 0>
                    {count}
                </p>
            </div>
            <div class="field" class:field-invalid=move || has_error("files", errors)() || !refused.read().is_empty()>
                <label for=field_id("files")>{t!(i18n, appeals.files)}</label>
                <p class="hint" id="field-files-hint">
                    {t!(i18n, appeals.files_hint)}
                </p>
                <FieldMessage field="files" errors />
                {move || {
                    let problems = refused.get();
                    (!problems.is_empty())
                        .then(|| {
                            view! {
                                <div class="field-error-message" id="field-files-refused">
                                    <p>{t!(i18n, appeals.files_refused)}</p>
                                    <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                                </div>
                            }
                        })
                }}
                <input
                    type="file"
                    id=field_id("files")
                    name="file"
                    multiple
                    accept=ACCEPT
                    aria-describedby=move || {
                        let mut ids = described_by("files", errors, &["hint", "list"])();
                        if !refused.read().is_empty() {
                            ids.push_str(" field-files-refused");
                        }
                        ids
                    }
                    on:change:target=move |ev| on_files(ev.target())
                />
                <div id="field-files-list">
                    {move || {
                        let list = files.get();
                        if list.is_empty() {
                            return view! { <p class="hint">{t!(i18n, appeals.no_files)}</p> }.into_any();
                        }
                        view! {
                            <p class="hint">
                                {t_string!(i18n, appeals.files_count)
                                    .replace("{n}", &list.len().to_string())
                                    .replace("{max}", &MAX_FILES.to_string())}
                            </p>
                            <ul class="file-list">
                                {list
                                    .into_iter()
                                    .enumerate()
                                    .map(|(i, file)| {
                                        let name = file.name();
                                        let field = format!("files.{i}");
                                        let problem = errors.read().iter().find(|e| e.field == field).cloned();
                                        let invalid = problem.is_some();
                                        view! {
                                            <li id=field_id(&field) tabindex="-1" class:field-invalid=invalid>
                                                {problem
                                                    .map(|p: FieldError| {
                                                        view! {
                                                            <p class="field-error-message">
                                                                {format!("«{name}»: {}", problem_text(i18n, &p))}
                                                            </p>
                                                        }
                                                    })}
                                                <span class="file-name">{name.clone()}</span>
                                                " ("
                                                {file_size(file.size())}
                                                ") "
                                                <button type="button" class="link-button" on:click=move |_| remove(i)>
                                                    {t!(i18n, appeals.remove_file)}
                                                    <span class="visually-hidden">" «" {name.clone()} "»"</span>
                                                </button>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                            .into_any()
                    }}
                </div>
            </div>
            <button type="submit" class="button">
                {t!(i18n, appeals.next)}
            </button>
        </form>
    }
}
