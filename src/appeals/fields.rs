//! The wizard's steps, which form fields each one asks, and the pieces every step's form uses.

use crate::components::error_summary::{FieldMessage, described_by, field_id, has_error};
use api::appeals::AppealForm;
use api::domain::FieldError;
use leptos::prelude::*;

/// One topic per step; the step travels in the address (`?step=...`), so "Back" works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Who,
    Identity,
    Contacts,
    Kind,
    Body,
    Text,
    Check,
    Done,
}

impl Step {
    /// The steps with a form, in order (Done is the receipt).
    pub const FORM: [Step; 7] =
        [Step::Who, Step::Identity, Step::Contacts, Step::Kind, Step::Body, Step::Text, Step::Check];

    pub fn slug(self) -> &'static str {
        match self {
            Step::Who => "who",
            Step::Identity => "identity",
            Step::Contacts => "contacts",
            Step::Kind => "type",
            Step::Body => "body",
            Step::Text => "text",
            Step::Check => "check",
            Step::Done => "done",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Step> {
        Step::FORM.into_iter().chain([Step::Done]).find(|s| s.slug() == slug)
    }

    /// 1 to 7.
    pub fn number(self) -> usize {
        Step::FORM.iter().position(|s| *s == self).map_or(Step::FORM.len(), |i| i + 1)
    }

    pub fn previous(self) -> Option<Step> {
        self.number().checked_sub(2).and_then(|i| Step::FORM.get(i)).copied()
    }

    pub fn next(self) -> Step {
        Step::FORM.get(self.number()).copied().unwrap_or(Step::Done)
    }

    /// The form's fields this step asks (as the API names them).
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Step::Who => &["filer"],
            Step::Identity => &["bin", "organisation", "iin", "surname", "given_name", "patronymic"],
            Step::Contacts => &["email", "email_code", "phone", "address"],
            Step::Kind => &["appeal_type", "earlier_number"],
            Step::Body => &["body", "category_id", "lang"],
            Step::Text => &["text", "files"],
            Step::Check => &["consent"],
            Step::Done => &[],
        }
    }

    /// The step that asks `field` (`files.3` is a file of the text step).
    pub fn of_field(field: &str) -> Step {
        if field.starts_with("files.") {
            return Step::Text;
        }
        Step::FORM.into_iter().find(|s| s.fields().contains(&field)).unwrap_or(Step::Check)
    }

    pub fn href(self, lang: api::Lang) -> String {
        format!("/{lang}/appeals/new?step={}", self.slug())
    }
}

/// The name a field has on the page. Where a question form's field has the same API name but
/// needs other words ("your question" is "your appeal" here), the page uses its own name, so
/// the shared error messages read right.
pub fn shown(field: &str) -> String {
    match field {
        "text" => "appeal_text",
        "consent" => "appeal_consent",
        "lang" => "answer_lang",
        "category_id" => "appeal_category",
        other => other,
    }
    .to_owned()
}

/// The problems of `step`'s fields in the form, in the order the step asks them, named as the
/// page names them.
pub fn step_errors(step: Step, form: &AppealForm) -> Vec<FieldError> {
    let mut found: Vec<FieldError> = form
        .validate()
        .err()
        .unwrap_or_default()
        .into_iter()
        .filter(|e| step.fields().contains(&e.field.as_str()))
        .collect();
    found.sort_by_key(|e| step.fields().iter().position(|f| *f == e.field));
    renamed(found)
}

pub fn renamed(errors: Vec<FieldError>) -> Vec<FieldError> {
    errors.into_iter().map(|e| FieldError { field: shown(&e.field), problem: e.problem }).collect()
}

/// A labelled text input bound to one string of the draft, with an optional hint, its error
/// message, and everything a screen reader needs to connect them.
#[component]
pub fn TextField(
    /// The field's name on the page (ids, errors).
    name: &'static str,
    #[prop(into)] label: Signal<String>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    value: Signal<String>,
    #[prop(into)] on_input: Callback<String>,
    errors: RwSignal<Vec<FieldError>>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
) -> impl IntoView {
    let parts: &'static [&'static str] = if hint.is_some() { &["hint"] } else { &[] };
    let hint_id = format!("{}-hint", field_id(name));
    view! {
        <div class="field" class:field-invalid=has_error(name, errors)>
            <label for=field_id(name)>{label}</label>
            {hint
                .map(|hint| {
                    view! {
                        <p class="hint" id=hint_id>
                            {hint}
                        </p>
                    }
                })}
            <FieldMessage field=name errors />
            <input
                type=kind
                id=field_id(name)
                name=name
                autocomplete=autocomplete
                inputmode=inputmode
                spellcheck="false"
                aria-describedby=described_by(name, errors, parts)
                aria-invalid=move || has_error(name, errors)().then_some("true")
                prop:value=value
                on:input:target=move |ev| on_input.run(ev.target().value())
            />
        </div>
    }
}
