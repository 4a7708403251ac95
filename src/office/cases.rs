//! A body's cases in one status, with filters in the address so a list can be bookmarked and
//! shared: the moderation queue, "my cases", answers waiting for approval, overdue cases.

use crate::client;
use crate::components::page_heading::PageHeading;
use crate::components::status_name::{local_date, shown_date, status_name};
use crate::i18n::*;
use crate::lang::use_lang;
use crate::office::client::{CaseFilter, cases};
use crate::office::{OfficeLoadError, use_session};
use api::cases::{CaseStatus, Channel};
use api::office::OfficeCase;
use api::staff::Role;
use api::{Body, Lang};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

/// The statuses a list can show, in the order staff meet them.
const STATUSES: [CaseStatus; 7] = [
    CaseStatus::Received,
    CaseStatus::Assigned,
    CaseStatus::Answered,
    CaseStatus::Published,
    CaseStatus::Closed,
    CaseStatus::Rejected,
    CaseStatus::LeftWithoutConsideration,
];

/// The channels a list can be narrowed to.
const CHANNELS: [&str; 4] = ["appeal", "question", "blog", "reception"];

#[component]
pub fn CaseListPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let params = use_params_map();
    let query = use_query_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    let filter = Memo::new(move |_| {
        let q = query.read();
        CaseFilter {
            status: q.get("status").filter(|s| CaseStatus::parse(s).is_some()).unwrap_or_else(|| "received".into()),
            category: q.get("category").and_then(|c| c.parse().ok()),
            lang: q.get("lang").filter(|l| l.parse::<Lang>().is_ok()),
            overdue: q.get("overdue").as_deref() == Some("true"),
            mine: q.get("mine").as_deref() == Some("true"),
            channel: q.get("channel").filter(|c| CHANNELS.contains(&c.as_str())),
        }
    });
    let body_resource = LocalResource::new(move || {
        let slug = slug.get();
        async move { client::body(&slug).await }
    });
    let list_resource = LocalResource::new(move || {
        let (slug, filter) = (slug.get(), filter.get());
        async move { cases(&slug, &filter).await }
    });
    let title = Signal::derive(move || {
        let f = filter.get();
        if f.channel.as_deref() == Some("appeal") {
            return t_string!(i18n, office.task_appeals).to_owned();
        }
        match (f.status.as_str(), f.mine, f.overdue) {
            ("received", _, _) => t_string!(i18n, office.task_moderate),
            ("assigned", true, _) => t_string!(i18n, office.task_mine),
            (_, _, true) => t_string!(i18n, office.task_overdue),
            ("answered", _, _) => t_string!(i18n, office.task_approve),
            _ => t_string!(i18n, office.cases_title),
        }
        .to_owned()
    });
    let loading = move || view! { <p role="status">{t!(i18n, loading)}</p> };
    view! {
        <PageHeading text=title />
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                let body = body_resource.await;
                let list = list_resource.await;
                match (body, list) {
                    (Ok(body), Ok(list)) => {
                        view! {
                            <p class="lead">{body.name.get(lang.get()).to_owned()}</p>
                            <Filters body=body.clone() filter=filter.get_untracked() />
                            <CaseTable body cases=list />
                        }
                            .into_any()
                    }
                    (Err(error), _) | (_, Err(error)) => {
                        let on_retry = move |_| {
                            body_resource.refetch();
                            list_resource.refetch();
                        };
                        view! { <OfficeLoadError error on_retry /> }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// The filters, applied by changing the address (so Back returns to the previous list).
#[component]
fn Filters(body: Body, filter: CaseFilter) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let session = use_session();
    let navigate = use_navigate();
    let status = RwSignal::new(filter.status.clone());
    let category = RwSignal::new(filter.category.map(|c| c.to_string()).unwrap_or_default());
    let case_lang = RwSignal::new(filter.lang.clone().unwrap_or_default());
    let overdue = RwSignal::new(filter.overdue);
    let mine = RwSignal::new(filter.mine);
    let channel = RwSignal::new(filter.channel.clone().unwrap_or_default());
    let slug = body.slug.to_string();
    let executor = session.may(&slug, &[Role::Executor]);
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = CaseFilter {
            status: status.get_untracked(),
            category: category.get_untracked().parse().ok(),
            lang: Some(case_lang.get_untracked()).filter(|l| !l.is_empty()),
            overdue: overdue.get_untracked(),
            mine: mine.get_untracked(),
            channel: Some(channel.get_untracked()).filter(|c| !c.is_empty()),
        };
        navigate(&format!("/{}/office/{slug}/cases?{}", lang.get_untracked(), chosen.query()), Default::default());
    };
    view! {
        <form class="filters" on:submit=apply aria-label=move || t_string!(i18n, office.filters)>
            <div class="field">
                <label for="filter-status">{t!(i18n, office.status)}</label>
                <select id="filter-status" on:change:target=move |ev| status.set(ev.target().value())>
                    {STATUSES
                        .into_iter()
                        .map(|s| {
                            view! {
                                <option value=s.as_str() selected=s.as_str() == filter.status>
                                    {move || status_name(i18n, s)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-channel">{t!(i18n, office.channel)}</label>
                <select id="filter-channel" on:change:target=move |ev| channel.set(ev.target().value())>
                    <option value="">{t!(i18n, office.any)}</option>
                    {CHANNELS
                        .into_iter()
                        .map(|c| {
                            view! {
                                <option value=c selected=filter.channel.as_deref() == Some(c)>
                                    {move || channel_name(i18n, c)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-category">{t!(i18n, office.category)}</label>
                <select id="filter-category" on:change:target=move |ev| category.set(ev.target().value())>
                    <option value="">{t!(i18n, office.any)}</option>
                    {body
                        .categories
                        .into_iter()
                        .map(|c| {
                            let selected = filter.category == Some(c.id.0);
                            view! {
                                <option value=c.id.0.to_string() selected=selected>
                                    {c.name.get(lang.get_untracked()).to_owned()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-lang">{t!(i18n, office.language)}</label>
                <select id="filter-lang" on:change:target=move |ev| case_lang.set(ev.target().value())>
                    <option value="">{t!(i18n, office.any)}</option>
                    {Lang::ALL
                        .into_iter()
                        .map(|l| {
                            view! {
                                <option value=l.code() selected=filter.lang.as_deref() == Some(l.code())>
                                    {l.endonym()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="choice">
                <input
                    type="checkbox"
                    id="filter-overdue"
                    prop:checked=move || overdue.get()
                    on:change:target=move |ev| overdue.set(ev.target().checked())
                />
                <label for="filter-overdue">{t!(i18n, office.only_overdue)}</label>
            </div>
            {executor
                .then(|| {
                    view! {
                        <div class="choice">
                            <input
                                type="checkbox"
                                id="filter-mine"
                                prop:checked=move || mine.get()
                                on:change:target=move |ev| mine.set(ev.target().checked())
                            />
                            <label for="filter-mine">{t!(i18n, office.only_mine)}</label>
                        </div>
                    }
                })}
            <button type="submit" class="button button-secondary">
                {t!(i18n, office.apply_filters)}
            </button>
        </form>
    }
}

#[component]
fn CaseTable(body: Body, cases: Vec<OfficeCase>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    if cases.is_empty() {
        return view! { <p role="status">{t!(i18n, office.no_cases)}</p> }.into_any();
    }
    let count = cases.len();
    let category_name = move |id: Option<api::CategoryId>| {
        id.and_then(|id| body.categories.iter().find(|c| c.id == id))
            .map(|c| c.name.get(lang.get_untracked()).to_owned())
    };
    view! {
        <p role="status">{move || t_string!(i18n, office.case_count).replace("{n}", &count.to_string())}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="cases-caption">
            <table class="data-table">
                <caption id="cases-caption">{t!(i18n, office.cases_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, office.number)}</th>
                        <th scope="col">{t!(i18n, office.received)}</th>
                        <th scope="col">{t!(i18n, office.category)}</th>
                        <th scope="col">{t!(i18n, office.deadline)}</th>
                        <th scope="col">{t!(i18n, office.question)}</th>
                    </tr>
                </thead>
                <tbody>
                    {cases
                        .into_iter()
                        .map(|case| {
                            let category = case
                                .category
                                .as_ref()
                                .map(|c| c.name.get(lang.get_untracked()).to_owned())
                                .or_else(|| {
                                    category_name(case.suggested_category)
                                        .map(|name| format!("{} {name}", t_string!(i18n, office.suggested)))
                                });
                            let excerpt: String = case.text.chars().take(160).collect();
                            let more = case.text.chars().count() > 160;
                            view! {
                                <tr>
                                    <th scope="row">
                                        <a href=format!(
                                            "/{}/office/cases/{}",
                                            lang.get_untracked(),
                                            case.id.0,
                                        )>{case.number.as_str().to_owned()}</a>
                                        {(case.channel != Channel::Question)
                                            .then(|| {
                                                view! {
                                                    <span class="badge">
                                                        {channel_name(i18n, case.channel.as_str())}
                                                    </span>
                                                }
                                            })}
                                    </th>
                                    <td>{local_date(case.submitted_at)}</td>
                                    <td>{category}</td>
                                    <td>
                                        <Deadline deadline=case.deadline.clone() days_left=case.working_days_left />
                                    </td>
                                    <td>
                                        <span lang=case.lang.code()>{excerpt}{more.then_some("…")}</span>
                                        {(!case.personal_data.is_empty())
                                            .then(|| {
                                                view! {
                                                    <span class="badge badge-warning">
                                                        {t!(i18n, office.has_personal_data)}
                                                    </span>
                                                }
                                            })}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// "Appeal", "Question to the head"...: the channel filter's choices and a case's badge in a list.
fn channel_name(i18n: leptos_i18n::I18nContext<Locale>, channel: &str) -> &'static str {
    match channel {
        "appeal" => t_string!(i18n, office.channel_appeal),
        "blog" => t_string!(i18n, office.channel_blog),
        "reception" => t_string!(i18n, office.channel_reception),
        _ => t_string!(i18n, office.channel_question),
    }
}

/// The deadline and a countdown in words; the colour only repeats what the words say.
#[component]
pub fn Deadline(deadline: Option<String>, days_left: Option<i32>) -> impl IntoView {
    let i18n = use_i18n();
    let Some(deadline) = deadline else {
        return view! { <span>"—"</span> }.into_any();
    };
    let shown = shown_date(&deadline);
    let countdown = days_left.map(|days| {
        let (class, text) = match days {
            d if d < 0 => ("badge badge-overdue", t_string!(i18n, office.overdue_by).replace("{n}", &(-d).to_string())),
            0 => ("badge badge-urgent", t_string!(i18n, office.due_today).to_owned()),
            d if d <= 3 => ("badge badge-soon", t_string!(i18n, office.days_left).replace("{n}", &d.to_string())),
            d => ("badge badge-ok", t_string!(i18n, office.days_left).replace("{n}", &d.to_string())),
        };
        view! { <span class=class>{text}</span> }
    });
    view! {
        <span class="deadline">
            <span>{shown}</span>
            " "
            {countdown}
        </span>
    }
    .into_any()
}
