//! The wizard's first steps: who files, identity, contacts (with the emailed code), the type of
//! appeal, and the body with its category and the answer's language.

use crate::a11y::use_announcer;
use crate::appeals::calls;
use crate::appeals::draft::use_wizard;
use crate::appeals::fields::{Step, TextField, renamed, step_errors};
use crate::appeals::names::{filer_name, type_about, type_name};
use crate::appeals::wizard::{continue_from, step_error_signal, step_navigator};
use crate::client::{self, FetchError};
use crate::components::error_summary::{ErrorSummary, FieldMessage, described_by, field_id, has_error};
use crate::i18n::*;
use crate::lang::use_lang;
use api::appeals::{AppealForm, AppealType, Filer};
use api::domain::{Email, FieldError, FieldProblem};
use api::{CategoryId, ErrorCode, Lang};
use leptos::prelude::*;

/// A signal of one string of the form, and the callback that changes it.
fn bind(
    read: fn(&AppealForm) -> &String,
    write: fn(&mut AppealForm) -> &mut String,
) -> (Signal<String>, Callback<String>) {
    let draft = use_wizard().draft;
    (
        Signal::derive(move || draft.with(|d| read(&d.form).clone())),
        Callback::new(move |v| draft.update(|d| *write(&mut d.form) = v)),
    )
}

macro_rules! text {
    ($i18n:ident, $($key:tt)+) => {
        Signal::derive(move || t_string!($i18n, $($key)+).to_owned())
    };
}

#[component]
fn ContinueButton() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button type="submit" class="button">
            {t!(i18n, appeals.next)}
        </button>
    }
}

#[component]
pub fn WhoStep() -> impl IntoView {
    let i18n = use_i18n();
    let wizard = use_wizard();
    let errors = step_error_signal(wizard);
    let go = step_navigator();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        continue_from(Step::Who, wizard, errors, &go);
    };
    let filer = move || wizard.draft.with(|d| d.form.filer);
    view! {
        <p class="lead">{t!(i18n, appeals.who_intro)}</p>
        <ErrorSummary errors />
        <form novalidate on:submit=submit>
            <fieldset
                class="field"
                class:field-invalid=has_error("filer", errors)
                aria-describedby=described_by("filer", errors, &[])
            >
                <legend>{t!(i18n, appeals.who_legend)}</legend>
                <FieldMessage field="filer" errors />
                <div class="choices choices-stacked" id=field_id("filer") tabindex="-1">
                    {[(Filer::Individual, "individual"), (Filer::LegalEntity, "legal")]
                        .into_iter()
                        .map(|(option, slug)| {
                            let id = format!("field-filer-{slug}");
                            let hint_id = format!("{id}-hint");
                            view! {
                                <div class="choice">
                                    <input
                                        type="radio"
                                        name="filer"
                                        id=id.clone()
                                        aria-describedby=hint_id.clone()
                                        prop:checked=move || filer() == Some(option)
                                        on:change=move |_| wizard.draft.update(|d| d.form.filer = Some(option))
                                    />
                                    <div>
                                        <label for=id>{move || filer_name(i18n, option)}</label>
                                        <p class="hint" id=hint_id>
                                            {move || match option {
                                                Filer::Individual => t_string!(i18n, appeals.filer_individual_hint),
                                                Filer::LegalEntity => t_string!(i18n, appeals.filer_legal_hint),
                                            }}
                                        </p>
                                    </div>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <div class="notice">
                <h2>{t!(i18n, appeals.no_anonymous_title)}</h2>
                <p>{t!(i18n, appeals.no_anonymous)}</p>
            </div>
            <ContinueButton />
        </form>
    }
}

#[component]
pub fn IdentityStep() -> impl IntoView {
    let i18n = use_i18n();
    let wizard = use_wizard();
    let errors = step_error_signal(wizard);
    let go = step_navigator();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        continue_from(Step::Identity, wizard, errors, &go);
    };
    let legal = move || wizard.draft.with(|d| d.form.filer == Some(Filer::LegalEntity));
    let (iin, set_iin) = bind(|f| &f.iin, |f| &mut f.iin);
    let (surname, set_surname) = bind(|f| &f.surname, |f| &mut f.surname);
    let (given, set_given) = bind(|f| &f.given_name, |f| &mut f.given_name);
    let (patronymic, set_patronymic) = bind(|f| &f.patronymic, |f| &mut f.patronymic);
    let (bin, set_bin) = bind(|f| &f.bin, |f| &mut f.bin);
    let (organisation, set_organisation) = bind(|f| &f.organisation, |f| &mut f.organisation);
    let person = move || {
        view! {
            <TextField
                name="iin"
                label=text!(i18n, appeals.iin)
                hint=text!(i18n, appeals.iin_hint)
                value=iin
                on_input=set_iin
                errors
                inputmode="numeric"
            />
            <TextField
                name="surname"
                label=text!(i18n, appeals.surname)
                value=surname
                on_input=set_surname
                errors
                autocomplete="family-name"
            />
            <TextField
                name="given_name"
                label=text!(i18n, appeals.given_name)
                value=given
                on_input=set_given
                errors
                autocomplete="given-name"
            />
            <TextField
                name="patronymic"
                label=text!(i18n, appeals.patronymic)
                hint=text!(i18n, appeals.patronymic_hint)
                value=patronymic
                on_input=set_patronymic
                errors
                autocomplete="additional-name"
            />
        }
    };
    view! {
        <p class="lead">
            {move || {
                if legal() {
                    t_string!(i18n, appeals.identity_intro_legal)
                } else {
                    t_string!(i18n, appeals.identity_intro)
                }
            }}
        </p>
        <ErrorSummary errors />
        <form novalidate on:submit=submit>
            <Show when=legal fallback=person>
                <h2>{t!(i18n, appeals.organisation_heading)}</h2>
                <TextField
                    name="bin"
                    label=text!(i18n, appeals.bin)
                    hint=text!(i18n, appeals.bin_hint)
                    value=bin
                    on_input=set_bin
                    errors
                    inputmode="numeric"
                />
                <TextField
                    name="organisation"
                    label=text!(i18n, appeals.organisation)
                    value=organisation
                    on_input=set_organisation
                    errors
                    autocomplete="organization"
                />
                <h2>{t!(i18n, appeals.representative_heading)}</h2>
                <p class="hint">{t!(i18n, appeals.representative_hint)}</p>
                {person()}
            </Show>
            <ContinueButton />
        </form>
    }
}

/// What happened to the last request for or check of the email code.
#[derive(Debug, Clone, PartialEq, Eq)]
enum CodeNote {
    Sent(String),
    RateLimited,
    Failed,
}

#[component]
pub fn ContactsStep() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let announcer = use_announcer();
    let wizard = use_wizard();
    let draft = wizard.draft;
    let errors = step_error_signal(wizard);
    let go = step_navigator();
    let note = RwSignal::new(
        draft.with_untracked(|d| (!d.code_sent_to.is_empty()).then(|| CodeNote::Sent(d.code_sent_to.clone()))),
    );
    let busy = RwSignal::new(false);
    let (email, set_email) = bind(|f| &f.email, |f| &mut f.email);
    let (phone, set_phone) = bind(|f| &f.phone, |f| &mut f.phone);
    let (address, set_address) = bind(|f| &f.address, |f| &mut f.address);
    let code = Signal::derive(move || draft.with(|d| d.email_code.clone()));
    let set_code = Callback::new(move |v: String| draft.update(|d| d.email_code = v));

    let say = move |n: &CodeNote| {
        announcer.say(match n {
            CodeNote::Sent(_) => t_string!(i18n, appeals.code_sent),
            CodeNote::RateLimited => t_string!(i18n, appeals.code_rate_limited),
            CodeNote::Failed => t_string!(i18n, appeals.code_failed),
        })
    };
    let send_code = move |_| {
        let address = draft.with_untracked(|d| d.form.email.trim().to_owned());
        if let Err(problem) = Email::parse(&address) {
            errors.set(vec![FieldError { field: "email".into(), problem }]);
            return;
        }
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = calls::send_email_code(address.clone(), lang.get_untracked()).await;
            if busy.is_disposed() {
                return;
            }
            busy.set(false);
            let outcome = match result {
                Ok(()) => {
                    errors.set(Vec::new());
                    draft.update(|d| d.code_sent_to = address.clone());
                    CodeNote::Sent(address)
                }
                Err(FetchError::Invalid(found)) => {
                    errors.set(renamed(found));
                    return;
                }
                Err(FetchError::Server(ErrorCode::RateLimited)) => CodeNote::RateLimited,
                Err(_) => CodeNote::Failed,
            };
            say(&outcome);
            note.set(Some(outcome));
        });
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (mut found, email, code, checked) = draft.with_untracked(|d| {
            (
                step_errors(Step::Contacts, &d.form),
                d.form.email.trim().to_owned(),
                d.email_code.replace([' ', '-'], ""),
                d.code_checked(),
            )
        });
        if code.is_empty() {
            found.push(FieldError { field: "email_code".into(), problem: FieldProblem::Missing });
            found.sort_by_key(|e| Step::Contacts.fields().iter().position(|f| *f == e.field));
        }
        if !found.is_empty() {
            errors.set(found);
            return;
        }
        if checked {
            errors.set(Vec::new());
            go(Step::Contacts.next());
            return;
        }
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let go = go.clone();
        leptos::task::spawn_local(async move {
            let result = calls::check_email_code(email.clone(), code.clone()).await;
            if busy.is_disposed() {
                return;
            }
            busy.set(false);
            match result {
                Ok(()) => {
                    draft.update(|d| {
                        d.email_code = code.clone();
                        d.checked = Some((d.form.email.clone(), code));
                    });
                    errors.set(Vec::new());
                    go(Step::Contacts.next());
                }
                Err(FetchError::Invalid(found)) => errors.set(renamed(found)),
                Err(FetchError::Server(ErrorCode::RateLimited)) => {
                    say(&CodeNote::RateLimited);
                    note.set(Some(CodeNote::RateLimited));
                }
                Err(_) => {
                    say(&CodeNote::Failed);
                    note.set(Some(CodeNote::Failed));
                }
            }
        });
    };

    view! {
        <p class="lead">{t!(i18n, appeals.contacts_intro)}</p>
        <ErrorSummary errors />
        <form novalidate on:submit=submit>
            <TextField
                name="email"
                label=text!(i18n, appeals.email)
                hint=text!(i18n, appeals.email_hint)
                value=email
                on_input=set_email
                errors
                kind="email"
                autocomplete="email"
                inputmode="email"
            />
            <p>
                <button
                    type="button"
                    class="button button-secondary"
                    on:click=send_code
                    aria-disabled=move || busy.get().then_some("true")
                >
                    {move || {
                        if draft.with(|d| d.code_sent_to.is_empty()) {
                            t_string!(i18n, appeals.send_code)
                        } else {
                            t_string!(i18n, appeals.send_code_again)
                        }
                    }}
                </button>
            </p>
            {move || {
                note.get()
                    .map(|n| match n {
                        CodeNote::Sent(to) => {
                            view! {
                                <p class="notice">
                                    {t!(i18n, appeals.code_sent_to)} " " <strong>{to}</strong> ". "
                                    {t!(i18n, appeals.code_valid)}
                                </p>
                            }
                                .into_any()
                        }
                        CodeNote::RateLimited => {
                            view! { <p class="status-error">{t!(i18n, appeals.code_rate_limited)}</p> }.into_any()
                        }
                        CodeNote::Failed => {
                            view! { <p class="status-error">{t!(i18n, appeals.code_failed)}</p> }.into_any()
                        }
                    })
            }}
            <TextField
                name="email_code"
                label=text!(i18n, appeals.email_code)
                hint=text!(i18n, appeals.email_code_hint)
                value=code
                on_input=set_code
                errors
                autocomplete="one-time-code"
                inputmode="numeric"
            />
            <TextField
                name="phone"
                label=text!(i18n, appeals.phone)
                hint=text!(i18n, appeals.phone_hint)
                value=phone
                on_input=set_phone
                errors
                kind="tel"
                autocomplete="tel"
            />
            <TextField
                name="address"
                label=text!(i18n, appeals.address)
                hint=text!(i18n, appeals.address_hint)
                value=address
                on_input=set_address
                errors
                autocomplete="street-address"
            />
            <ContinueButton />
        </form>
    }
}

#[component]
pub fn KindStep() -> impl IntoView {
    let i18n = use_i18n();
    let wizard = use_wizard();
    let errors = step_error_signal(wizard);
    let go = step_navigator();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        continue_from(Step::Kind, wizard, errors, &go);
    };
    let chosen = move || wizard.draft.with(|d| d.form.appeal_type);
    let (earlier, set_earlier) = bind(|f| &f.earlier_number, |f| &mut f.earlier_number);
    let earlier_hint = Signal::derive(move || {
        if chosen() == Some(AppealType::Complaint) {
            t_string!(i18n, appeals.earlier_hint_complaint).to_owned()
        } else {
            t_string!(i18n, appeals.earlier_hint).to_owned()
        }
    });
    view! {
        <p class="lead">{t!(i18n, appeals.kind_intro)}</p>
        <ErrorSummary errors />
        <form novalidate on:submit=submit>
            <fieldset
                class="field"
                class:field-invalid=has_error("appeal_type", errors)
                aria-describedby=described_by("appeal_type", errors, &[])
            >
                <legend>{t!(i18n, appeals.kind_legend)}</legend>
                <FieldMessage field="appeal_type" errors />
                <div class="choices choices-stacked" id=field_id("appeal_type") tabindex="-1">
                    {AppealType::ALL
                        .into_iter()
                        .map(|option| {
                            let id = format!("field-appeal_type-{}", option.as_str());
                            let hint_id = format!("{id}-hint");
                            view! {
                                <div class="choice">
                                    <input
                                        type="radio"
                                        name="appeal_type"
                                        id=id.clone()
                                        aria-describedby=hint_id.clone()
                                        prop:checked=move || chosen() == Some(option)
                                        on:change=move |_| wizard.draft.update(|d| d.form.appeal_type = Some(option))
                                    />
                                    <div>
                                        <label for=id>{move || type_name(i18n, option)}</label>
                                        <p class="hint" id=hint_id>
                                            {move || type_about(i18n, option)}
                                        </p>
                                    </div>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <TextField
                name="earlier_number"
                label=text!(i18n, appeals.earlier_number)
                hint=earlier_hint
                value=earlier
                on_input=set_earlier
                errors
            />
            <ContinueButton />
        </form>
    }
}

#[component]
pub fn BodyStep() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let wizard = use_wizard();
    let draft = wizard.draft;
    let errors = step_error_signal(wizard);
    let go = step_navigator();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        continue_from(Step::Body, wizard, errors, &go);
    };
    let bodies = LocalResource::new(client::bodies);
    let chosen_body = Memo::new(move |_| draft.with(|d| d.form.body.clone()));
    let body = LocalResource::new(move || {
        let slug = chosen_body.get();
        async move { if slug.is_empty() { None } else { client::body(&slug).await.ok() } }
    });
    view! {
        <p class="lead">{t!(i18n, appeals.body_intro)}</p>
        <ErrorSummary errors />
        <form novalidate on:submit=submit>
            <div class="field" class:field-invalid=has_error("body", errors)>
                <label for=field_id("body")>{t!(i18n, ask.body)}</label>
                <FieldMessage field="body" errors />
                <select
                    id=field_id("body")
                    aria-describedby=described_by("body", errors, &[])
                    aria-invalid=move || has_error("body", errors)().then_some("true")
                    on:change:target=move |ev| {
                        let value = ev.target().value();
                        draft
                            .update(|d| {
                                d.form.body = value;
                                d.form.category_id = None;
                            });
                    }
                >
                    <option value="" selected=move || draft.with(|d| d.form.body.is_empty())>
                        {t!(i18n, ask.choose)}
                    </option>
                    {move || {
                        bodies
                            .get()
                            .and_then(Result::ok)
                            .unwrap_or_default()
                            .into_iter()
                            .map(|b| {
                                let slug = b.slug.to_string();
                                let selected = {
                                    let slug = slug.clone();
                                    move || draft.with(|d| d.form.body == slug)
                                };
                                view! {
                                    <option value=slug selected=selected>
                                        {b.name.get(lang.get()).to_owned()}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            <div class="field" class:field-invalid=has_error("appeal_category", errors)>
                <label for=field_id("appeal_category")>{t!(i18n, appeals.category)}</label>
                <p class="hint" id="field-appeal_category-hint">
                    {t!(i18n, appeals.category_hint)}
                </p>
                <FieldMessage field="appeal_category" errors />
                <select
                    id=field_id("appeal_category")
                    aria-describedby=described_by("appeal_category", errors, &["hint"])
                    aria-invalid=move || has_error("appeal_category", errors)().then_some("true")
                    on:change:target=move |ev| {
                        let id = ev.target().value().parse().ok().map(CategoryId);
                        draft.update(|d| d.form.category_id = id);
                    }
                >
                    <option value="" selected=move || draft.with(|d| d.form.category_id.is_none())>
                        {t!(i18n, ask.choose)}
                    </option>
                    {move || {
                        body.get()
                            .flatten()
                            .map(|b| b.categories)
                            .unwrap_or_default()
                            .into_iter()
                            .map(|c| {
                                let id = c.id;
                                view! {
                                    <option
                                        value=id.0.to_string()
                                        selected=move || draft.with(|d| d.form.category_id == Some(id))
                                    >
                                        {c.name.get(lang.get()).to_owned()}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            <fieldset
                class="field"
                class:field-invalid=has_error("answer_lang", errors)
                aria-describedby=described_by("answer_lang", errors, &["hint"])
            >
                <legend>{t!(i18n, appeals.answer_lang)}</legend>
                <p class="hint" id="field-answer_lang-hint">
                    {t!(i18n, appeals.answer_lang_hint)}
                </p>
                <FieldMessage field="answer_lang" errors />
                <div class="choices" id=field_id("answer_lang") tabindex="-1">
                    {Lang::ALL
                        .into_iter()
                        .map(|option| {
                            let id = format!("field-answer_lang-{option}");
                            view! {
                                <div class="choice">
                                    <input
                                        type="radio"
                                        name="answer_lang"
                                        id=id.clone()
                                        value=option.code()
                                        prop:checked=move || draft.with(|d| d.form.lang == Some(option))
                                        on:change=move |_| draft.update(|d| d.form.lang = Some(option))
                                    />
                                    <label for=id lang=option.code()>
                                        {option.endonym()}
                                    </label>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <ContinueButton />
        </form>
    }
}
