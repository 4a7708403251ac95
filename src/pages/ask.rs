//! "Ask a question": the form, a preview to check before sending, and the receipt with the
//! registration number. Everything typed stays in the page's signals, so an error or a failed
//! request loses nothing. The anti-spam proof of work is solved in the background.
//!
//! `?channel=blog` makes it a question to the body's head, answered on the blog;
//! `?channel=reception&slot=ID` a request for a place at a reception session, never published
//! (see [`channel`]).

mod channel;

use crate::a11y::use_announcer;
use crate::client::{self, FetchError};
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::error_summary::{ErrorSummary, FieldMessage, described_by, field_id, has_error};
use crate::components::page_heading::PageHeading;
use crate::i18n::*;
use crate::lang::use_lang;
use api::cases::{ProofOfWork, PublishAs, QuestionForm, QuestionReceipt, QuestionSubmission};
use api::content::ReceptionSlot;
use api::domain::personal_data::{self, PersonalDataKind};
use api::domain::{FieldError, QuestionText};
use api::{CategoryId, ErrorCode, Lang};
use channel::{HeadLine, Purpose, SessionCard, SessionGate};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Form,
    Preview,
    Sent,
}

/// A failure that is not about one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trouble {
    SpamCheck,
    RateLimited,
    Network,
}

async fn fresh_proof() -> Option<ProofOfWork> {
    client::challenge().await.ok().map(|challenge| challenge.solve())
}

#[component]
pub fn AskPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let query = use_query_map();
    let announcer = use_announcer();

    let purpose = Purpose::from_query(&query.read_untracked());
    let form = RwSignal::new(purpose.prepare(QuestionForm {
        body: query.read_untracked().get("body").unwrap_or_default(),
        lang: Some(lang.get_untracked()),
        ..QuestionForm::default()
    }));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let step = RwSignal::new(Step::Form);
    let trouble = RwSignal::new(None::<Trouble>);
    let sending = RwSignal::new(false);
    let receipt = RwSignal::new(None::<QuestionReceipt>);
    // A key for this form, so a retried send never creates a second question.
    let key = StoredValue::new(client::random_id());
    let proof = LocalResource::new(fresh_proof);
    // Loaded once: after a refusal the form keeps the session it was for, with the reason.
    let schedule = purpose.is_reception().then(|| channel::schedule_of(form.read_untracked().body.clone()));

    let title = Signal::derive(move || purpose.title(i18n, step.get()).to_owned());
    let to_preview = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match form.get_untracked().validate() {
            Ok(_) => {
                errors.set(Vec::new());
                trouble.set(None);
                step.set(Step::Preview);
            }
            Err(found) => errors.set(found),
        }
    };

    let send = move |_| {
        if sending.get_untracked() {
            return;
        }
        sending.set(true);
        trouble.set(None);
        leptos::task::spawn_local(async move {
            let proof_of_work = match proof.get_untracked().flatten() {
                Some(p) => Some(p),
                None => fresh_proof().await,
            };
            let result = match proof_of_work {
                Some(proof_of_work) => {
                    let submission = QuestionSubmission { form: form.get_untracked(), proof_of_work };
                    client::submit_question(&submission, &key.get_value()).await
                }
                None => Err(FetchError::Network),
            };
            // The citizen may have left the page while it was sending.
            if sending.is_disposed() {
                return;
            }
            // Each proof works once: prepare the next one whatever happened.
            proof.refetch();
            sending.set(false);
            match result {
                Ok(r) => {
                    receipt.set(Some(r));
                    step.set(Step::Sent);
                }
                Err(FetchError::Invalid(fields)) => {
                    errors.set(fields);
                    step.set(Step::Form);
                }
                Err(FetchError::Server(ErrorCode::SpamCheckFailed)) => trouble.set(Some(Trouble::SpamCheck)),
                Err(FetchError::Server(ErrorCode::RateLimited)) => trouble.set(Some(Trouble::RateLimited)),
                Err(_) => trouble.set(Some(Trouble::Network)),
            }
            if let Some(t) = trouble.get_untracked() {
                announcer.say(trouble_text(i18n, t));
            }
        });
    };

    view! {
        <Breadcrumbs current=title />
        <PageHeading text=title />
        {move || match (step.get(), schedule) {
            (Step::Form, Some(schedule)) => {
                view! {
                    <SessionGate schedule purpose slug=form.read_untracked().body.clone() let:session>
                        <FormStep form errors purpose session on_submit=to_preview />
                    </SessionGate>
                }
                    .into_any()
            }
            (Step::Form, None) => view! { <FormStep form errors purpose on_submit=to_preview /> }.into_any(),
            (Step::Preview, _) => {
                let session = schedule
                    .and_then(|s| s.get_untracked())
                    .and_then(Result::ok)
                    .and_then(|slots| purpose.session_in(slots));
                view! { <PreviewStep form step trouble sending purpose session on_send=send /> }.into_any()
            }
            (Step::Sent, _) => view! { <SentStep receipt form purpose /> }.into_any(),
        }}
    }
}

fn trouble_text(i18n: leptos_i18n::I18nContext<Locale>, trouble: Trouble) -> &'static str {
    match trouble {
        Trouble::SpamCheck => t_string!(i18n, ask.spam_failed),
        Trouble::RateLimited => t_string!(i18n, ask.rate_limited),
        Trouble::Network => t_string!(i18n, ask.failed),
    }
}

#[component]
fn FormStep(
    form: RwSignal<QuestionForm>,
    errors: RwSignal<Vec<FieldError>>,
    purpose: Purpose,
    /// The session asked for, on the reception channel.
    #[prop(optional)]
    session: Option<ReceptionSlot>,
    on_submit: impl Fn(leptos::ev::SubmitEvent) + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let announcer = use_announcer();
    let bodies = LocalResource::new(client::bodies);
    let chosen_body = Memo::new(move |_| form.read().body.clone());
    let body = LocalResource::new(move || {
        let slug = chosen_body.get();
        async move { if slug.is_empty() { None } else { client::body(&slug).await.ok() } }
    });

    let left = move || QuestionText::MAX_LEN as i64 - form.read().text.trim().chars().count() as i64;
    let count_text = move || {
        let n = left();
        if n >= 0 {
            format!("{}: {n}", t_string!(i18n, ask.chars_left))
        } else {
            format!("{}: {}", t_string!(i18n, ask.chars_over), -n)
        }
    };
    // Screen readers hear the count once typing pauses, not on every key.
    let typing = StoredValue::new(0u64);
    let on_text = move |value: String| {
        form.update(|f| f.text = value);
        typing.update_value(|n| *n += 1);
        let this = typing.get_value();
        set_timeout(
            move || {
                // The form may be gone by then (the citizen went on to the preview).
                if typing.try_get_value() == Some(this) {
                    announcer.say(count_text());
                }
            },
            Duration::from_millis(1500),
        );
    };

    let reception = purpose.is_reception();
    view! {
        <p class="lead">{move || purpose.intro(i18n)}</p>
        {(purpose == Purpose::Blog).then(|| view! { <HeadLine slug=chosen_body /> })}
        <ErrorSummary errors />
        {session.map(|session| view! { <SessionCard session errors /> })}
        <form novalidate on:submit=on_submit>
            // A session belongs to its body: the reception channel keeps the body of the link.
            <div class="field" class:field-invalid=has_error("body", errors) hidden=reception>
                <label for=field_id("body")>{t!(i18n, ask.body)}</label>
                <FieldMessage field="body" errors />
                <select
                    id=field_id("body")
                    aria-describedby=described_by("body", errors, &[])
                    aria-invalid=move || has_error("body", errors)().then_some("true")
                    on:change:target=move |ev| {
                        let value = ev.target().value();
                        form.update(|f| {
                            f.body = value;
                            f.category_id = None;
                        });
                    }
                >
                    <option value="" selected=move || form.read().body.is_empty()>
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
                                    move || form.read().body == slug
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

            <div class="field" class:field-invalid=has_error("category_id", errors)>
                <label for=field_id("category_id")>{t!(i18n, ask.category)}</label>
                <FieldMessage field="category_id" errors />
                <select
                    id=field_id("category_id")
                    aria-describedby=described_by("category_id", errors, &[])
                    aria-invalid=move || has_error("category_id", errors)().then_some("true")
                    on:change:target=move |ev| {
                        let id = ev.target().value().parse().ok().map(CategoryId);
                        form.update(|f| f.category_id = id);
                    }
                >
                    <option value="" selected=move || form.read().category_id.is_none()>
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
                                    <option value=id.0.to_string() selected=move || form.read().category_id == Some(id)>
                                        {c.name.get(lang.get()).to_owned()}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>

            <fieldset class="field" class:field-invalid=has_error("lang", errors) aria-describedby="field-lang-hint">
                <legend>{t!(i18n, ask.lang)}</legend>
                <p class="hint" id="field-lang-hint">
                    {t!(i18n, ask.lang_hint)}
                </p>
                <FieldMessage field="lang" errors />
                <div class="choices" id=field_id("lang") tabindex="-1">
                    {Lang::ALL
                        .into_iter()
                        .map(|option| {
                            let id = format!("field-lang-{option}");
                            view! {
                                <div class="choice">
                                    <input
                                        type="radio"
                                        name="lang"
                                        id=id.clone()
                                        value=option.code()
                                        prop:checked=move || form.read().lang == Some(option)
                                        on:change=move |_| form.update(|f| f.lang = Some(option))
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

            <div class="field" class:field-invalid=has_error("name", errors)>
                <label for=field_id("name")>{t!(i18n, ask.name)}</label>
                <p class="hint" id="field-name-hint">
                    {move || purpose.name_hint(i18n)}
                </p>
                <FieldMessage field="name" errors />
                <input
                    type="text"
                    id=field_id("name")
                    name="name"
                    autocomplete="name"
                    spellcheck="false"
                    aria-describedby=described_by("name", errors, &["hint"])
                    aria-invalid=move || has_error("name", errors)().then_some("true")
                    prop:value=move || form.read().name.clone()
                    on:input:target=move |ev| form.update(|f| f.name = ev.target().value())
                />
            </div>

            <div class="field" class:field-invalid=has_error("email", errors)>
                <label for=field_id("email")>{t!(i18n, ask.email)}</label>
                <p class="hint" id="field-email-hint">
                    {t!(i18n, ask.email_hint)}
                </p>
                <FieldMessage field="email" errors />
                <input
                    type="email"
                    id=field_id("email")
                    name="email"
                    autocomplete="email"
                    inputmode="email"
                    spellcheck="false"
                    aria-describedby=described_by("email", errors, &["hint"])
                    aria-invalid=move || has_error("email", errors)().then_some("true")
                    prop:value=move || form.read().email.clone()
                    on:input:target=move |ev| form.update(|f| f.email = ev.target().value())
                />
            </div>

            <div class="field" class:field-invalid=has_error("text", errors)>
                <label for=field_id("text")>{move || purpose.text_label(i18n)}</label>
                <p class="hint" id="field-text-hint">
                    {move || purpose.text_hint(i18n)}
                </p>
                <FieldMessage field="text" errors />
                <textarea
                    id=field_id("text")
                    name="text"
                    rows="10"
                    aria-describedby=described_by("text", errors, &["hint", "count"])
                    aria-invalid=move || has_error("text", errors)().then_some("true")
                    prop:value=move || form.read().text.clone()
                    on:input:target=move |ev| on_text(ev.target().value())
                ></textarea>
                <p class="hint" id="field-text-count" class:over-limit=move || left() < 0>
                    {count_text}
                </p>
            </div>

            // A reception request is never published.
            <fieldset class="field" aria-describedby="field-publish_as-hint" hidden=reception>
                <legend>{t!(i18n, ask.publish_as)}</legend>
                <p class="hint" id="field-publish_as-hint">
                    {t!(i18n, ask.publish_hint)}
                </p>
                <div class="choices">
                    {[(PublishAs::Initials, "initials"), (PublishAs::Anonymous, "anonymous")]
                        .into_iter()
                        .map(|(option, code)| {
                            let id = format!("field-publish_as-{code}");
                            view! {
                                <div class="choice">
                                    <input
                                        type="radio"
                                        name="publish_as"
                                        id=id.clone()
                                        value=code
                                        prop:checked=move || form.read().publish_as == option
                                        on:change=move |_| form.update(|f| f.publish_as = option)
                                    />
                                    <label for=id>
                                        {move || match option {
                                            PublishAs::Initials => t_string!(i18n, ask.publish_initials),
                                            PublishAs::Anonymous => t_string!(i18n, ask.publish_anonymous),
                                        }}
                                    </label>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>

            <div class="field" class:field-invalid=has_error("consent", errors)>
                <FieldMessage field="consent" errors />
                <div class="choice">
                    <input
                        type="checkbox"
                        id=field_id("consent")
                        name="consent"
                        aria-describedby=described_by("consent", errors, &["hint"])
                        aria-invalid=move || has_error("consent", errors)().then_some("true")
                        prop:checked=move || form.read().consent
                        on:change:target=move |ev| form.update(|f| f.consent = ev.target().checked())
                    />
                    <label for=field_id("consent")>{t!(i18n, ask.consent)}</label>
                </div>
                <p class="hint" id="field-consent-hint">
                    {t!(i18n, ask.consent_hint)}
                </p>
            </div>

            // A field for robots: hidden from people and from screen readers.
            <div class="trap" aria-hidden="true">
                <label for="field-website">"Website"</label>
                <input
                    type="text"
                    id="field-website"
                    name="website"
                    tabindex="-1"
                    autocomplete="off"
                    prop:value=move || form.read().website.clone()
                    on:input:target=move |ev| form.update(|f| f.website = ev.target().value())
                />
            </div>

            <button type="submit" class="button">
                {t!(i18n, ask.to_preview)}
            </button>
        </form>
    }
}

pub fn kind_text(i18n: leptos_i18n::I18nContext<Locale>, kind: PersonalDataKind) -> &'static str {
    match kind {
        PersonalDataKind::Iin => t_string!(i18n, pd.iin),
        PersonalDataKind::Phone => t_string!(i18n, pd.phone),
        PersonalDataKind::Email => t_string!(i18n, pd.email),
        PersonalDataKind::CardNumber => t_string!(i18n, pd.card),
    }
}

#[component]
fn PreviewStep(
    form: RwSignal<QuestionForm>,
    step: RwSignal<Step>,
    trouble: RwSignal<Option<Trouble>>,
    sending: RwSignal<bool>,
    purpose: Purpose,
    session: Option<ReceptionSlot>,
    on_send: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let snapshot = form.get_untracked();
    let body = LocalResource::new({
        let slug = snapshot.body.clone();
        move || {
            let slug = slug.clone();
            async move { client::body(&slug).await.ok() }
        }
    });
    let category_id = snapshot.category_id;
    let body_name = move || body.get().flatten().map(|b| b.name.get(lang.get()).to_owned()).unwrap_or_default();
    let category_name = move || {
        body.get()
            .flatten()
            .and_then(|b| b.categories.into_iter().find(|c| Some(c.id) == category_id))
            .map(|c| c.name.get(lang.get()).to_owned())
            .unwrap_or_default()
    };
    let reception = purpose.is_reception();
    // A reception request is never published, so there is nothing to hide in it.
    let found = if reception { Vec::new() } else { personal_data::kinds(&snapshot.text) };
    let change = move |field: &'static str| {
        move |_| {
            crate::a11y::request_focus(field_id(field));
            step.set(Step::Form);
        }
    };
    let row = move |label: &'static str, value: String, field: &'static str| {
        view! {
            <div class="summary-row">
                <dt>{label}</dt>
                <dd class="summary-value">{value}</dd>
                <dd>
                    <button type="button" class="link-button" on:click=change(field)>
                        {t!(i18n, ask.change)}
                        <span class="visually-hidden">" — " {label}</span>
                    </button>
                </dd>
            </div>
        }
    };
    let publish = match snapshot.publish_as {
        PublishAs::Initials => t_string!(i18n, ask.publish_initials),
        PublishAs::Anonymous => t_string!(i18n, ask.publish_anonymous),
    };
    let slug = Memo::new(move |_| form.read().body.clone());
    view! {
        <p class="lead">{t!(i18n, ask.preview_intro)}</p>
        {(purpose == Purpose::Blog).then(|| view! { <HeadLine slug /> })}
        {session.map(|session| view! { <SessionCard session /> })}
        {(!found.is_empty())
            .then(|| {
                view! {
                    <div class="warning" role="note">
                        <p>{t!(i18n, ask.pd_warning)}</p>
                        <ul>{found.iter().map(|k| view! { <li>{kind_text(i18n, *k)}</li> }).collect_view()}</ul>
                        <p>{t!(i18n, ask.pd_advice)}</p>
                    </div>
                }
            })}
        <dl class="summary">
            {move || (!reception).then(|| row(t_string!(i18n, ask.body), body_name(), "body"))}
            {move || row(t_string!(i18n, ask.category), category_name(), "category_id")}
            {row(t_string!(i18n, ask.lang), snapshot.lang.map(|l| l.endonym().to_owned()).unwrap_or_default(), "lang")}
            {row(t_string!(i18n, ask.name), snapshot.name.clone(), "name")}
            {row(t_string!(i18n, ask.email), snapshot.email.clone(), "email")}
            {move || row(purpose.text_label(i18n), snapshot.text.clone(), "text")}
            {(!reception).then(|| row(t_string!(i18n, ask.publish_as), publish.to_owned(), "publish_as"))}
        </dl>
        {move || {
            trouble
                .get()
                .map(|t| {
                    view! {
                        <p class="status-error" role="alert">
                            {trouble_text(i18n, t)}
                        </p>
                    }
                })
        }}
        <button type="button" class="button" on:click=on_send aria-disabled=move || sending.get().then_some("true")>
            {move || if sending.get() { t_string!(i18n, ask.sending) } else { purpose.send_label(i18n) }}
        </button>
    }
}

#[component]
fn SentStep(
    receipt: RwSignal<Option<QuestionReceipt>>,
    form: RwSignal<QuestionForm>,
    purpose: Purpose,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let number = move || receipt.get().map(|r| r.registration_number.to_string()).unwrap_or_default();
    let slug = form.read_untracked().body.clone();
    let after = match purpose {
        Purpose::Question => view! {
            <p class="lead">{t!(i18n, ask.sent_next)}</p>
            <p>{t!(i18n, ask.sent_after)}</p>
            <p>
                <a href=move || format!("/{}/questions/ask", lang.get()) rel="external">
                    {t!(i18n, ask.again)}
                </a>
            </p>
        }
        .into_any(),
        Purpose::Blog => view! {
            <p class="lead">{t!(i18n, ask.sent_next)}</p>
            <p>{t!(i18n, hub.blog_sent_after)}</p>
            <p>
                <a href=move || format!("/{}/bodies/{slug}/blog", lang.get()) rel="external">
                    {t!(i18n, hub.head_blog)}
                </a>
            </p>
        }
        .into_any(),
        Purpose::Reception(_) => view! {
            <p class="lead">{t!(i18n, hub.reception_sent_next)}</p>
            <p>{t!(i18n, hub.reception_sent_after)}</p>
            <p>
                <a href=move || channel::schedule_href(lang.get(), &slug) rel="external">
                    {t!(i18n, hub.to_schedule)}
                </a>
            </p>
        }
        .into_any(),
    };
    view! {
        <div class="panel-success">
            <p>{t!(i18n, ask.sent_number)}</p>
            <p class="reference">
                <strong>{number}</strong>
            </p>
        </div>
        {after}
    }
}
