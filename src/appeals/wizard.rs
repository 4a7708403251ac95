//! "File an appeal": one topic per step, the step in the address so the browser's back button
//! and the "Back" link both work, and the draft kept above the router so nothing is lost.

use crate::appeals::AppealsCrumbs;
use crate::appeals::check::CheckStep;
use crate::appeals::draft::{Wizard, use_wizard};
use crate::appeals::fields::{Step, step_errors};
use crate::appeals::files::TextStep;
use crate::appeals::receipt::DoneStep;
use crate::appeals::steps::{BodyStep, ContactsStep, IdentityStep, KindStep, WhoStep};
use crate::components::page_heading::PageHeading;
use crate::i18n::*;
use crate::lang::use_lang;
use api::domain::FieldError;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

fn step_title(i18n: leptos_i18n::I18nContext<Locale>, step: Step) -> &'static str {
    match step {
        Step::Who => t_string!(i18n, appeals.who_title),
        Step::Identity => t_string!(i18n, appeals.identity_title),
        Step::Contacts => t_string!(i18n, appeals.contacts_title),
        Step::Kind => t_string!(i18n, appeals.kind_title),
        Step::Body => t_string!(i18n, appeals.body_title),
        Step::Text => t_string!(i18n, appeals.text_title),
        Step::Check => t_string!(i18n, appeals.check_title),
        Step::Done => t_string!(i18n, appeals.done_title),
    }
}

#[component]
pub fn NewAppealPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let query = use_query_map();
    let wizard = use_wizard();
    if wizard.draft.with_untracked(|d| d.form.lang.is_none()) {
        wizard.draft.update(|d| d.form.lang = Some(lang.get_untracked()));
    }
    let step = Memo::new(move |_| query.read().get("step").and_then(|s| Step::from_slug(&s)).unwrap_or(Step::Who));
    let title = Signal::derive(move || step_title(i18n, step.get()).to_owned());
    let back = move || match step.get() {
        Step::Done => None,
        Step::Who => Some((format!("/{}/appeals", lang.get()), true)),
        other => other.previous().map(|p| (p.href(lang.get()), false)),
    };
    view! {
        <AppealsCrumbs current=Signal::derive(move || t_string!(i18n, appeals.new_title).to_owned()) />
        {move || {
            back()
                .map(|(href, external)| {
                    view! {
                        <p>
                            <a class="back-link" href=href rel=external.then_some("external")>
                                {t!(i18n, appeals.back)}
                            </a>
                        </p>
                    }
                })
        }}
        {move || {
            let n = step.get().number();
            (step.get() != Step::Done)
                .then(|| {
                    view! {
                        <p class="step-count">
                            {t_string!(i18n, appeals.step_of)
                                .replace("{n}", &n.to_string())
                                .replace("{total}", &Step::FORM.len().to_string())}
                        </p>
                    }
                })
        }}
        <PageHeading text=title />
        {move || match step.get() {
            Step::Who => view! { <WhoStep /> }.into_any(),
            Step::Identity => view! { <IdentityStep /> }.into_any(),
            Step::Contacts => view! { <ContactsStep /> }.into_any(),
            Step::Kind => view! { <KindStep /> }.into_any(),
            Step::Body => view! { <BodyStep /> }.into_any(),
            Step::Text => view! { <TextStep /> }.into_any(),
            Step::Check => view! { <CheckStep /> }.into_any(),
            Step::Done => view! { <DoneStep /> }.into_any(),
        }}
    }
}

/// Goes to another step of the wizard (a new history entry, so the back button returns).
pub fn step_navigator() -> impl Fn(Step) + Clone + 'static {
    let navigate = use_navigate();
    let lang = use_lang();
    move |step: Step| navigate(&step.href(lang.get_untracked()), Default::default())
}

/// A step's own errors: those a refused send left for it, taken once.
pub fn step_error_signal(wizard: Wizard) -> RwSignal<Vec<FieldError>> {
    let errors = RwSignal::new(wizard.pending.get_untracked());
    wizard.pending.set(Vec::new());
    errors
}

/// "Continue": checks this step's fields, then shows their problems or goes on.
pub fn continue_from(step: Step, wizard: Wizard, errors: RwSignal<Vec<FieldError>>, go: &impl Fn(Step)) {
    let found = wizard.draft.with_untracked(|d| step_errors(step, &d.form));
    if found.is_empty() {
        errors.set(Vec::new());
        go(step.next());
    } else {
        errors.set(found);
    }
}

/// Sends the citizen to the step of the first problem, with the error summary there.
pub fn show_errors(wizard: Wizard, errors: Vec<FieldError>, go: &impl Fn(Step)) {
    let Some(first) = errors.iter().map(|e| Step::of_field(&e.field)).min_by_key(|s| s.number()) else {
        return;
    };
    let mine: Vec<FieldError> = errors.into_iter().filter(|e| Step::of_field(&e.field) == first).collect();
    wizard.pending.set(crate::appeals::fields::renamed(mine));
    crate::a11y::request_focus("error-summary".into());
    go(first);
}
