//! The 1–5 rating of an answer or a decision: five radios in a fieldset, each named in words.

use crate::components::error_summary::{FieldMessage, has_error};
use crate::i18n::*;
use api::domain::FieldError;
use leptos::prelude::*;

#[component]
pub fn ScoreField(score: RwSignal<Option<u8>>, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let i18n = use_i18n();
    let label = move |n: u8| match n {
        1 => t_string!(i18n, rate.s1),
        2 => t_string!(i18n, rate.s2),
        3 => t_string!(i18n, rate.s3),
        4 => t_string!(i18n, rate.s4),
        _ => t_string!(i18n, rate.s5),
    };
    view! {
        <fieldset class="field" class:field-invalid=has_error("score", errors)>
            <legend>{t!(i18n, rate.score)}</legend>
            <FieldMessage field="score" errors />
            <div class="choices choices-stacked" id="field-score" tabindex="-1">
                {(1u8..=5)
                    .map(|n| {
                        let id = format!("field-score-{n}");
                        view! {
                            <div class="choice">
                                <input
                                    type="radio"
                                    name="score"
                                    id=id.clone()
                                    prop:checked=move || score.get() == Some(n)
                                    on:change=move |_| score.set(Some(n))
                                />
                                <label for=id>{move || label(n)}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}
