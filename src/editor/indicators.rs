//! The body's Open Dialogue indicators for a year (003): blog posts per language and the points
//! they earn (Table 6), and the share of blog questions answered, with a warning under 90 %
//! (Table 11).

use crate::editor::{EditorFrame, Part, calls, editor_href, this_year, use_slug};
use crate::i18n::*;
use crate::lang::use_lang;
use crate::office::OfficeLoadError;
use api::content::DialogueIndicators;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

/// How many years back the select offers.
const YEARS_BACK: i32 = 4;

#[component]
pub fn IndicatorsPage() -> impl IntoView {
    let i18n = use_i18n();
    let title = Signal::derive(move || t_string!(i18n, editor.part_indicators).to_owned());
    view! {
        <EditorFrame part=Part::Indicators title>
            <Indicators />
        </EditorFrame>
    }
}

#[component]
fn Indicators() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let slug = use_slug();
    let query = use_query_map();
    let navigate = use_navigate();
    let current = this_year();
    let year = Memo::new(move |_| {
        query
            .read()
            .get("year")
            .and_then(|y| y.parse::<i32>().ok())
            .filter(|y| (current - YEARS_BACK..=current).contains(y))
            .unwrap_or(current)
    });
    let chosen = RwSignal::new(year.get_untracked().to_string());
    let indicators = LocalResource::new(move || {
        let (slug, year) = (slug.get(), year.get());
        async move { calls::indicators(&slug, year).await }
    });
    // The year is in the address, so a year's figures can be bookmarked and Back returns.
    let show = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let href = editor_href(lang.get_untracked(), &slug.get_untracked(), "indicators");
        navigate(&format!("{href}?year={}", chosen.get_untracked()), Default::default());
    };
    let loading = move || view! { <p role="status">{t!(i18n, loading)}</p> };
    view! {
        <p>{t!(i18n, editor.indicators_intro)}</p>
        <form class="filters" on:submit=show>
            <div class="field">
                <label for="field-year">{t!(i18n, office.year)}</label>
                <select
                    id="field-year"
                    prop:value=move || chosen.get()
                    on:change:target=move |ev| chosen.set(ev.target().value())
                >
                    {(current - YEARS_BACK..=current)
                        .rev()
                        .map(|y| {
                            view! {
                                <option value=y.to_string() selected=y == year.get_untracked()>
                                    {y}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <button type="submit" class="button">
                {t!(i18n, editor.show)}
            </button>
        </form>
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match indicators.await {
                    Ok(figures) => view! { <Figures figures /> }.into_any(),
                    Err(error) => view! { <OfficeLoadError error on_retry=move |_| indicators.refetch() /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// Tenths of a point as people write points: 15 → "1.5" ("1,5" in Kazakh and Russian), 10 → "1".
fn points(i18n: leptos_i18n::I18nContext<Locale>, tenths: i64) -> String {
    if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        format!("{}{}{}", tenths / 10, t_string!(i18n, editor.decimal_separator), tenths % 10)
    }
}

#[component]
fn Figures(figures: DialogueIndicators) -> impl IntoView {
    let i18n = use_i18n();
    let with_year = move |text: &str| text.replace("{year}", &figures.year.to_string());
    let total: i64 = figures.posts.iter().map(|p| p.posts).sum();
    view! {
        <section aria-labelledby="posts-heading">
            <h2 id="posts-heading">{move || with_year(t_string!(i18n, editor.posts_heading))}</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="posts-table-caption">
                <table class="data-table">
                    <caption id="posts-table-caption">{move || with_year(t_string!(i18n, editor.posts_table))}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, office.language)}</th>
                            <th scope="col">{t!(i18n, editor.posts_count)}</th>
                            <th scope="col">{t!(i18n, editor.points)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {figures
                            .posts
                            .into_iter()
                            .map(|p| {
                                view! {
                                    <tr>
                                        <th scope="row" lang=p.lang.code()>
                                            {p.lang.endonym()}
                                        </th>
                                        <td>{p.posts}</td>
                                        <td>{move || points(i18n, p.points_tenths)}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{t!(i18n, editor.total)}</th>
                            <td>{total}</td>
                            <td></td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            <p>{t!(i18n, editor.points_rule)}</p>
            <ul>
                <li>{t!(i18n, editor.points_50)}</li>
                <li>{t!(i18n, editor.points_25)}</li>
                <li>{t!(i18n, editor.points_10)}</li>
                <li>{t!(i18n, editor.points_else)}</li>
            </ul>
        </section>
        <section aria-labelledby="questions-heading">
            <h2 id="questions-heading">{move || with_year(t_string!(i18n, editor.questions_heading))}</h2>
            <dl class="facts">
                <div>
                    <dt>{t!(i18n, editor.questions_registered)}</dt>
                    <dd>{figures.blog_questions}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, editor.questions_answered)}</dt>
                    <dd>{figures.blog_answered}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, editor.answered_share)}</dt>
                    <dd>{figures.answered_percent} " %"</dd>
                </div>
            </dl>
            {if figures.below_threshold {
                view! {
                    <div class="warning" role="note">
                        <p>
                            <strong>{t!(i18n, editor.warning)} ": "</strong>
                            {t!(i18n, editor.below_threshold)}
                        </p>
                    </div>
                }
                    .into_any()
            } else {
                view! { <p>{t!(i18n, editor.threshold_met)}</p> }.into_any()
            }}
        </section>
    }
}
