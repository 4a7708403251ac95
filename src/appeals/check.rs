//! The last step: everything the citizen gave, with "Change" beside each, the consent, and Send.
//! A refused send takes the citizen to the step of the first problem.

use crate::a11y::{request_focus, use_announcer};
use crate::appeals::calls;
use crate::appeals::draft::use_wizard;
use crate::appeals::fields::{Step, renamed};
use crate::appeals::file_size;
use crate::appeals::names::{filer_name, type_name};
use crate::appeals::wizard::{show_errors, step_error_signal, step_navigator};
use crate::client::{self, FetchError};
use crate::components::error_summary::{ErrorSummary, FieldMessage, described_by, field_id, has_error};
use crate::i18n::*;
use crate::lang::use_lang;
use api::ErrorCode;
use api::appeals::{AppealSubmission, Filer};
use leptos::prelude::*;

/// A failure that is not about one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trouble {
    TooLarge,
    RateLimited,
    Network,
}

#[component]
pub fn CheckStep() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let announcer = use_announcer();
    let wizard = use_wizard();
    let draft = wizard.draft;
    let errors = step_error_signal(wizard);
    let go = step_navigator();
    let trouble = RwSignal::new(None::<Trouble>);
    let sending = RwSignal::new(false);
    let body = LocalResource::new(move || {
        let slug = draft.with_untracked(|d| d.form.body.clone());
        async move { if slug.is_empty() { None } else { client::body(&slug).await.ok() } }
    });

    let trouble_text = move |t: Trouble| match t {
        Trouble::TooLarge => t_string!(i18n, appeals.send_too_large),
        Trouble::RateLimited => t_string!(i18n, appeals.send_rate_limited),
        Trouble::Network => t_string!(i18n, appeals.send_failed),
    };
    let send = {
        let go = go.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if sending.get_untracked() {
                return;
            }
            let (form, email_code, key) =
                draft.with_untracked(|d| (d.form.clone(), d.email_code.clone(), d.key.clone()));
            if let Err(found) = form.validate() {
                let (here, elsewhere): (Vec<_>, Vec<_>) = found.into_iter().partition(|e| e.field == "consent");
                if elsewhere.is_empty() {
                    errors.set(renamed(here));
                } else {
                    show_errors(wizard, elsewhere, &go);
                }
                return;
            }
            errors.set(Vec::new());
            trouble.set(None);
            sending.set(true);
            let go = go.clone();
            leptos::task::spawn_local(async move {
                let files = wizard.files.get_untracked();
                let submission = AppealSubmission { form, email_code };
                let result = calls::submit(&submission, &files, &key).await;
                if sending.is_disposed() {
                    return;
                }
                sending.set(false);
                match result {
                    Ok(receipt) => {
                        wizard.receipt.set(Some(receipt));
                        wizard.start_over();
                        go(Step::Done);
                    }
                    Err(FetchError::Invalid(found)) => {
                        if found.iter().all(|e| e.field == "consent") {
                            errors.set(renamed(found));
                        } else {
                            show_errors(wizard, found, &go);
                        }
                    }
                    Err(FetchError::Server(ErrorCode::PayloadTooLarge)) => trouble.set(Some(Trouble::TooLarge)),
                    Err(FetchError::Server(ErrorCode::RateLimited)) => trouble.set(Some(Trouble::RateLimited)),
                    Err(_) => trouble.set(Some(Trouble::Network)),
                }
                if let Some(t) = trouble.get_untracked() {
                    announcer.say(trouble_text(t));
                }
            });
        }
    };

    let d = draft.get_untracked();
    let f = d.form.clone();
    // A row of the summary: what was asked, the answer, and a link back to that field.
    let row = move |label: String, value: String, step: Step, field: &'static str| {
        let target = field_id(field);
        let label_hidden = label.clone();
        view! {
            <div class="summary-row">
                <dt>{label}</dt>
                <dd class="summary-value">{value}</dd>
                <dd>
                    <a href=move || step.href(lang.get()) on:click=move |_| request_focus(target.clone())>
                        {t!(i18n, ask.change)}
                        <span class="visually-hidden">" — " {label_hidden}</span>
                    </a>
                </dd>
            </div>
        }
    };
    let legal = f.filer == Some(Filer::LegalEntity);
    let full_name = [f.surname.trim(), f.given_name.trim(), f.patronymic.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let category = f.category_id;
    let body_name = move || body.get().flatten().map(|b| b.name.get(lang.get()).to_owned()).unwrap_or_default();
    let category_name = move || {
        body.get()
            .flatten()
            .and_then(|b| b.categories.into_iter().find(|c| Some(c.id) == category))
            .map(|c| c.name.get(lang.get()).to_owned())
            .unwrap_or_default()
    };
    let file_names = wizard
        .files
        .get_untracked()
        .iter()
        .map(|file| format!("{} ({})", file.name(), file_size(file.size())))
        .collect::<Vec<_>>()
        .join("\n");
    let none = move || t_string!(i18n, appeals.not_given).to_owned();
    let or_none = move |s: &str| if s.trim().is_empty() { none() } else { s.trim().to_owned() };

    view! {
        <p class="lead">{t!(i18n, appeals.check_intro)}</p>
        <ErrorSummary errors />
        <h2>{t!(i18n, appeals.who_title)}</h2>
        <dl class="summary">
            {row(
                t_string!(i18n, appeals.who_legend).to_owned(),
                f.filer.map(|x| filer_name(i18n, x).to_owned()).unwrap_or_else(none),
                Step::Who,
                "filer",
            )}
        </dl>
        <h2>{t!(i18n, appeals.identity_title)}</h2>
        <dl class="summary">
            {legal
                .then(|| {
                    view! {
                        {row(t_string!(i18n, appeals.bin).to_owned(), f.bin.clone(), Step::Identity, "bin")}
                        {row(
                            t_string!(i18n, appeals.organisation).to_owned(),
                            f.organisation.clone(),
                            Step::Identity,
                            "organisation",
                        )}
                    }
                })} {row(t_string!(i18n, appeals.iin).to_owned(), f.iin.clone(), Step::Identity, "iin")}
            {row(t_string!(i18n, appeals.full_name).to_owned(), full_name, Step::Identity, "surname")}
        </dl>
        <h2>{t!(i18n, appeals.contacts_title)}</h2>
        <dl class="summary">
            {row(t_string!(i18n, appeals.email).to_owned(), f.email.clone(), Step::Contacts, "email")}
            {row(t_string!(i18n, appeals.phone).to_owned(), f.phone.clone(), Step::Contacts, "phone")}
            {row(t_string!(i18n, appeals.address).to_owned(), or_none(&f.address), Step::Contacts, "address")}
        </dl>
        <h2>{t!(i18n, appeals.kind_title)}</h2>
        <dl class="summary">
            {row(
                t_string!(i18n, appeals.kind_legend).to_owned(),
                f.appeal_type.map(|t| type_name(i18n, t).to_owned()).unwrap_or_else(none),
                Step::Kind,
                "appeal_type",
            )}
            {row(
                t_string!(i18n, appeals.earlier_number).to_owned(),
                or_none(&f.earlier_number),
                Step::Kind,
                "earlier_number",
            )}
        </dl>
        <h2>{t!(i18n, appeals.body_title)}</h2>
        <dl class="summary">
            {move || row(t_string!(i18n, ask.body).to_owned(), body_name(), Step::Body, "body")}
            {move || row(t_string!(i18n, appeals.category).to_owned(), category_name(), Step::Body, "appeal_category")}
            {row(
                t_string!(i18n, appeals.answer_lang).to_owned(),
                f.lang.map(|l| l.endonym().to_owned()).unwrap_or_else(none),
                Step::Body,
                "answer_lang",
            )}
        </dl>
        <h2>{t!(i18n, appeals.text_title)}</h2>
        <dl class="summary">
            {row(t_string!(i18n, appeals.text).to_owned(), f.text.clone(), Step::Text, "appeal_text")}
            {row(
                t_string!(i18n, appeals.files).to_owned(),
                if file_names.is_empty() { none() } else { file_names },
                Step::Text,
                "files",
            )}
        </dl>
        <form novalidate on:submit=send>
            <div class="field" class:field-invalid=has_error("appeal_consent", errors)>
                <FieldMessage field="appeal_consent" errors />
                <div class="choice">
                    <input
                        type="checkbox"
                        id=field_id("appeal_consent")
                        aria-describedby=described_by("appeal_consent", errors, &["hint"])
                        aria-invalid=move || has_error("appeal_consent", errors)().then_some("true")
                        prop:checked=move || draft.with(|d| d.form.consent)
                        on:change:target=move |ev| draft.update(|d| d.form.consent = ev.target().checked())
                    />
                    <label for=field_id("appeal_consent")>{t!(i18n, appeals.consent)}</label>
                </div>
                <p class="hint" id="field-appeal_consent-hint">
                    {t!(i18n, appeals.consent_hint)}
                </p>
            </div>
            {move || {
                trouble
                    .get()
                    .map(|t| {
                        view! {
                            <p class="status-error" role="alert">
                                {trouble_text(t)}
                            </p>
                        }
                    })
            }}
            <p class="hint">{t!(i18n, appeals.send_hint)}</p>
            <button type="submit" class="button" aria-disabled=move || sending.get().then_some("true")>
                {move || if sending.get() { t_string!(i18n, appeals.sending) } else { t_string!(i18n, appeals.send) }}
            </button>
        </form>
    }
}
