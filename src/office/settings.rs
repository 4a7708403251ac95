//! A body's settings, for its administrators: how many working days the body gives itself to
//! answer a question.

use crate::client::FetchError;
use crate::components::error_summary::{ErrorSummary, FieldMessage, described_by, has_error};
use crate::components::page_heading::PageHeading;
use crate::i18n::*;
use crate::office::{OfficeLoadError, client, use_session};
use api::domain::{FieldError, FieldProblem};
use api::office::BodySettings;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    let settings = LocalResource::new(move || {
        let slug = slug.get();
        async move { client::settings(&slug).await }
    });
    let title = Signal::derive(move || t_string!(i18n, office.task_settings).to_owned());
    let loading = move || view! { <p role="status">{t!(i18n, loading)}</p> };
    view! {
        <PageHeading text=title />
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match settings.await {
                    Ok(current) => view! { <SettingsForm slug=slug.get_untracked() current /> }.into_any(),
                    Err(error) => view! { <OfficeLoadError error on_retry=move |_| settings.refetch() /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn SettingsForm(slug: String, current: BodySettings) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let days = RwSignal::new(current.answer_working_days.to_string());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let saved = RwSignal::new(None::<Result<u16, FetchError>>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = BodySettings { answer_working_days: days.get_untracked().trim().parse().unwrap_or(0) };
        if !chosen.is_valid() {
            errors.set(vec![FieldError { field: "answer_working_days".into(), problem: FieldProblem::BadFormat }]);
            return;
        }
        errors.set(Vec::new());
        let (slug, csrf) = (slug.clone(), session.csrf());
        leptos::task::spawn_local(async move {
            let result = client::save_settings(&slug, &chosen, &csrf).await;
            if saved.is_disposed() {
                return;
            }
            match result {
                Err(FetchError::Invalid(fields)) => errors.set(fields),
                other => {
                    saved.set(Some(other.map(|s| s.answer_working_days)));
                    crate::a11y::focus_by_id("settings-outcome");
                }
            }
        });
    };
    view! {
        <div id="settings-outcome" tabindex="-1" role="status">
            {move || {
                saved
                    .get()
                    .map(|result| match result {
                        Ok(_) => view! { <p class="panel-success">{t!(i18n, office.settings_saved)}</p> }.into_any(),
                        Err(_) => view! { <p class="status-error">{t!(i18n, error_internal)}</p> }.into_any(),
                    })
            }}
        </div>
        <ErrorSummary errors />
        <form novalidate on:submit=submit>
            <div class="field" class:field-invalid=has_error("answer_working_days", errors)>
                <label for="field-answer_working_days">{t!(i18n, office.answer_days)}</label>
                <p class="hint" id="field-answer_working_days-hint">
                    {t!(i18n, office.answer_days_hint)}
                </p>
                <FieldMessage field="answer_working_days" errors />
                <input
                    id="field-answer_working_days"
                    type="text"
                    inputmode="numeric"
                    size="4"
                    aria-describedby=described_by("answer_working_days", errors, &["hint"])
                    prop:value=move || days.get()
                    on:input:target=move |ev| days.set(ev.target().value())
                />
            </div>
            <button type="submit" class="button">
                {t!(i18n, office.save)}
            </button>
        </form>
    }
}
