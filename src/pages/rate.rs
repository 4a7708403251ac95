//! The asker's rating of an answer, opened from the publication email. The token travels in the
//! address's fragment, so no server log holds it.

use crate::client::{self, FetchError};
use crate::components::error_summary::ErrorSummary;
use crate::components::page_heading::PageHeading;
use crate::components::score_field::ScoreField;
use crate::i18n::*;
use api::ErrorCode;
use api::domain::{FieldError, FieldProblem};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Thanks,
    BadLink,
    Failed,
}

#[component]
pub fn RatePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = params.read_untracked().get("id").and_then(|id| id.parse::<i64>().ok()).unwrap_or(0);
    let token = window().location().hash().unwrap_or_default().trim_start_matches('#').to_owned();
    let score = RwSignal::new(None::<u8>);
    let comment = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let sending = RwSignal::new(false);
    let title = Signal::derive(move || t_string!(i18n, rate.title).to_owned());

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(chosen) = score.get_untracked() else {
            errors.set(vec![FieldError { field: "score".into(), problem: FieldProblem::Missing }]);
            return;
        };
        errors.set(Vec::new());
        sending.set(true);
        let token = token.clone();
        leptos::task::spawn_local(async move {
            let result = client::rate(id, token, chosen, comment.get_untracked()).await;
            if sending.is_disposed() {
                return;
            }
            sending.set(false);
            outcome.set(Some(match result {
                Ok(()) => Outcome::Thanks,
                Err(FetchError::Server(ErrorCode::LinkInvalid)) => Outcome::BadLink,
                Err(_) => Outcome::Failed,
            }));
        });
    };

    view! {
        <PageHeading text=title />
        {move || match outcome.get() {
            Some(Outcome::Thanks) => {
                view! {
                    <p class="panel-success" role="status">
                        {t!(i18n, rate.thanks)}
                    </p>
                }
                    .into_any()
            }
            Some(Outcome::BadLink) => {
                view! {
                    <p class="status-error" role="alert">
                        {t!(i18n, rate.bad_link)}
                    </p>
                }
                    .into_any()
            }
            other => {
                view! {
                    <p class="lead">{t!(i18n, rate.intro)}</p>
                    {(other == Some(Outcome::Failed))
                        .then(|| {
                            view! {
                                <p class="status-error" role="alert">
                                    {t!(i18n, ask.failed)}
                                </p>
                            }
                        })}
                    <ErrorSummary errors />
                    <form novalidate on:submit=submit.clone()>
                        <ScoreField score errors />
                        <div class="field">
                            <label for="field-comment">{t!(i18n, rate.comment)}</label>
                            <textarea
                                id="field-comment"
                                rows="4"
                                maxlength="1000"
                                prop:value=move || comment.get()
                                on:input:target=move |ev| comment.set(ev.target().value())
                            ></textarea>
                        </div>
                        <button type="submit" class="button" aria-disabled=move || sending.get().then_some("true")>
                            {t!(i18n, rate.send)}
                        </button>
                    </form>
                }
                    .into_any()
            }
        }}
    }
}
