//! One case as staff see it: the facts, the question (with a warning when it holds personal
//! data), the answer, the moves its status allows to this staff member, and the full history.

use crate::client::{self, FetchError};
use crate::components::page_heading::PageHeading;
use crate::components::status_name::{local_date, local_date_time, shown_date, status_name};
use crate::i18n::*;
use crate::lang::use_lang;
use crate::office::OfficeLoadError;
use crate::office::case_actions::{CaseActions, FileList, REASONS, outcome_name, reason_name};
use crate::office::cases::Deadline;
use crate::office::client::case;
use crate::pages::ask::kind_text;
use api::appeals::{AppealFile, AppealType, Filer};
use api::cases::{CaseStatus, PublishAs};
use api::office::{AppealFacts, CaseDetail, HistoryEntry};
use api::{Body, ErrorCode};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// What the last move did, shown above the case after it reloads.
#[derive(Clone, Copy)]
pub struct Outcome(pub RwSignal<Option<String>>);

#[component]
pub fn CasePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|id| id.parse::<i64>().ok()));
    let detail = LocalResource::new(move || {
        let id = id.get();
        async move {
            let detail = case(id.ok_or(FetchError::Server(ErrorCode::NotFound))?).await?;
            let body = client::body(detail.body.as_str()).await?;
            Ok::<_, FetchError>((detail, body))
        }
    });
    let outcome = Outcome(RwSignal::new(None));
    // The number outlives reloads, so reloading after a move is not a new page: the heading
    // would take focus from the outcome message. After a redirection the case is another
    // body's, and the heading still names it.
    let number = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(Ok((d, _))) = detail.get() {
            number.set(Some(d.case.number.as_str().to_owned()));
        }
    });
    let title = Memo::new(move |_| {
        let label = t_string!(i18n, office.case_title);
        number.get().map(|n| format!("{label} {n}")).unwrap_or_else(|| label.to_owned())
    });
    let reload = Callback::new(move |message: String| {
        outcome.0.set(Some(message));
        detail.refetch();
    });
    let loading = move || view! { <p role="status">{t!(i18n, loading)}</p> };
    view! {
        <PageHeading text=title />
        <div id="case-outcome" tabindex="-1" role="status" class:panel-success=move || outcome.0.with(Option::is_some)>
            {move || outcome.0.get()}
        </div>
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok((detail, body)) => view! { <CaseView detail body reload /> }.into_any(),
                    Err(FetchError::Server(ErrorCode::NotFound)) => {
                        view! {
                            <p class="status-error" role="alert">
                                {t!(i18n, office.case_not_found)}
                            </p>
                        }
                            .into_any()
                    }
                    Err(FetchError::Server(ErrorCode::Forbidden)) if outcome.0.with_untracked(Option::is_some) => {
                        ().into_any()
                    }
                    Err(error) => {
                        // Redirected a moment ago: the outcome says where it went.
                        view! { <OfficeLoadError error on_retry=move |_| detail.refetch() /> }
                            .into_any()
                    }
                }
            })}
        </Transition>
    }
}

#[component]
fn CaseView(detail: CaseDetail, body: Body, reload: Callback<String>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let case = detail.case.clone();
    let category = case.category.as_ref().map(|c| c.name.get(lang.get_untracked()).to_owned());
    let department = case
        .department_id
        .and_then(|id| body.departments.iter().find(|d| d.id == id))
        .map(|d| d.name.get(lang.get_untracked()).to_owned());
    let appeal = detail.appeal.is_some();
    let author = match detail.publish_as {
        // An appeal is never published: its filer is named in full.
        _ if appeal => detail.author_name.clone(),
        PublishAs::Initials => format!("{} ({})", detail.author_name, t_string!(i18n, office.published_as_initials)),
        PublishAs::Anonymous => format!("{} ({})", detail.author_name, t_string!(i18n, office.published_as_anonymous)),
    };
    let warning = (!appeal && !case.personal_data.is_empty()).then(|| {
        let kinds: Vec<&str> = case.personal_data.iter().map(|k| kind_text(i18n, *k)).collect();
        view! {
            <p class="warning" role="note">
                <strong>{t!(i18n, office.personal_data_warning)}</strong>
                " "
                {kinds.join(", ")}
            </p>
        }
    });
    let dash = || "—".to_owned();
    view! {
        <dl class="facts">
            <dt>{t!(i18n, office.status)}</dt>
            <dd>{move || status_name(i18n, case.status)}</dd>
            <dt>{t!(i18n, office.body)}</dt>
            <dd>{body.name.get(lang.get_untracked()).to_owned()}</dd>
            <dt>{t!(i18n, office.received)}</dt>
            <dd>{local_date(case.submitted_at)}</dd>
            <dt>{t!(i18n, office.deadline)}</dt>
            <dd>
                <Deadline deadline=case.deadline.clone() days_left=case.working_days_left />
            </dd>
            <dt>{t!(i18n, office.category)}</dt>
            <dd>{category.unwrap_or_else(dash)}</dd>
            <dt>{t!(i18n, office.department)}</dt>
            <dd>{department.unwrap_or_else(dash)}</dd>
            <dt>{t!(i18n, office.executor)}</dt>
            <dd>{case.executor.as_ref().map(|e| e.name.clone()).unwrap_or_else(dash)}</dd>
            <dt>{t!(i18n, office.language)}</dt>
            <dd>{case.lang.endonym()}</dd>
            <dt>{if appeal { t_string!(i18n, office.applicant) } else { t_string!(i18n, office.author) }}</dt>
            <dd>{author}</dd>
        </dl>
        {detail.appeal.clone().map(|facts| view! { <AppealFactsView facts /> })}
        {detail.reception_slot.clone().map(|session| view! { <RequestedSession session /> })}
        <h2>{if appeal { t_string!(i18n, office.appeal_text) } else { t_string!(i18n, office.question) }}</h2>
        {warning}
        <p class="question-text" lang=case.lang.code()>
            {case.text.clone()}
        </p>
        {detail
            .public_text
            .clone()
            .map(|text| {
                view! {
                    <h3>{t!(i18n, office.public_copy)}</h3>
                    <p class="question-text" lang=case.lang.code()>
                        {text}
                    </p>
                }
            })}
        {detail
            .answer_html
            .clone()
            .map(|html| {
                view! {
                    <h2>{t!(i18n, office.answer)}</h2>
                    // Sanitised by the server to a small safe subset before it was stored.
                    <div class="answer" lang=case.lang.code() inner_html=html></div>
                }
            })}
        <CaseActions detail=detail.clone() body reload />
        <History entries=detail.history />
    }
}

pub fn appeal_type_name(i18n: leptos_i18n::I18nContext<Locale>, appeal_type: AppealType) -> &'static str {
    match appeal_type {
        AppealType::Statement => t_string!(i18n, office.type_statement),
        AppealType::Complaint => t_string!(i18n, office.type_complaint),
        AppealType::Request => t_string!(i18n, office.type_request),
        AppealType::Proposal => t_string!(i18n, office.type_proposal),
        AppealType::Response => t_string!(i18n, office.type_response),
        AppealType::Report => t_string!(i18n, office.type_report),
    }
}

/// What only an appeal has: the filer, the law's terms, the extension, the decision, the files
/// and the applicant's rating. Built as rows of one shape, which keeps the download small.
#[component]
fn AppealFactsView(facts: AppealFacts) -> impl IntoView {
    let i18n = use_i18n();
    let warning = |text: &'static str, name: Option<String>| {
        view! {
            <p class="warning" role="note">
                {text}
                {name
                    .map(|n| {
                        view! {
                            " "
                            <strong>{n}</strong>
                        }
                    })}
            </p>
        }
    };
    let mut rows: Vec<(&'static str, AnyView)> = vec![
        (t_string!(i18n, office.appeal_type), appeal_type_name(i18n, facts.appeal_type).into_any()),
        (
            t_string!(i18n, office.filer),
            match facts.filer {
                Filer::Individual => t_string!(i18n, office.filer_individual),
                Filer::LegalEntity => t_string!(i18n, office.filer_legal_entity),
            }
            .into_any(),
        ),
        (t_string!(i18n, office.iin), facts.iin_masked.into_any()),
    ];
    let mut text = |term: &'static str, value: Option<String>| {
        if let Some(value) = value {
            rows.push((term, value.into_any()));
        }
    };
    text(t_string!(i18n, office.bin), facts.bin);
    text(t_string!(i18n, office.organisation), facts.organisation);
    text(t_string!(i18n, office.phone), Some(facts.phone));
    text(t_string!(i18n, office.address), facts.address);
    if let Some(number) = facts.earlier_number {
        let executor =
            facts.earlier_executor.map(|e| warning(t_string!(i18n, office.earlier_executor_warning), Some(e.name)));
        rows.push((
            t_string!(i18n, office.earlier_number),
            view! {
                {number.as_str().to_owned()}
                {executor}
            }
            .into_any(),
        ));
    }
    for (term, day) in [
        (t_string!(i18n, office.registration_day), &facts.registration_day),
        (t_string!(i18n, office.redirect_by), &facts.redirect_by),
        (t_string!(i18n, office.max_deadline), &facts.max_deadline),
    ] {
        rows.push((term, shown_date(day).into_any()));
    }
    if let Some(x) = facts.extension {
        let late = x.notice_late.then(|| warning(t_string!(i18n, office.notice_late), None));
        let when = format!(
            "{}: {}. {}: {}.",
            t_string!(i18n, office.decided_on),
            shown_date(&x.decided_on),
            t_string!(i18n, office.noticed_at),
            local_date(x.noticed_at)
        );
        rows.push((
            t_string!(i18n, office.extension),
            view! {
                <p>{x.reason}</p>
                <p>{when}</p>
                {late}
            }
            .into_any(),
        ));
    }
    let outcome = facts.outcome.map(|o| outcome_name(i18n, o).to_owned());
    let rating =
        facts.rating.map(|r| format!("{r} / 5{}", facts.rating_comment.map(|c| format!(": {c}")).unwrap_or_default()));
    let mut text = |term: &'static str, value: Option<String>| {
        if let Some(value) = value {
            rows.push((term, value.into_any()));
        }
    };
    text(t_string!(i18n, office.outcome), outcome);
    text(t_string!(i18n, office.outcome_reason), facts.outcome_reason);
    text(t_string!(i18n, office.rating), rating);
    let (theirs, ours): (Vec<AppealFile>, Vec<AppealFile>) = facts.files.into_iter().partition(|f| !f.from_body);
    for (term, files) in [(t_string!(i18n, office.applicant_files), theirs), (t_string!(i18n, office.body_files), ours)]
    {
        if !files.is_empty() {
            rows.push((term, view! { <FileList files /> }.into_any()));
        }
    }
    view! {
        <h2>{t_string!(i18n, office.appeal_facts)}</h2>
        <dl class="facts">
            {rows
                .into_iter()
                .map(|(term, value)| {
                    view! {
                        <dt>{term}</dt>
                        <dd>{value}</dd>
                    }
                })
                .collect_view()}
        </dl>
    }
}

/// A history note as staff read it: a rejection's reason code becomes its name.
fn note_text(i18n: leptos_i18n::I18nContext<Locale>, entry: &HistoryEntry) -> String {
    let reason =
        (entry.to == CaseStatus::Rejected).then(|| REASONS.into_iter().find(|r| r.as_str() == entry.note)).flatten();
    reason.map(|r| reason_name(i18n, r).to_owned()).unwrap_or_else(|| entry.note.clone())
}

#[component]
fn History(entries: Vec<HistoryEntry>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h2 id="history-heading">{t!(i18n, office.history)}</h2>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="history-heading">
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, office.when)}</th>
                        <th scope="col">{t!(i18n, office.who)}</th>
                        <th scope="col">{t!(i18n, office.status)}</th>
                        <th scope="col">{t!(i18n, office.note)}</th>
                    </tr>
                </thead>
                <tbody>
                    {entries
                        .into_iter()
                        .map(|entry| {
                            let who = entry
                                .actor
                                .clone()
                                .unwrap_or_else(|| t_string!(i18n, office.citizen_or_system).to_owned());
                            view! {
                                <tr>
                                    <td>{local_date(entry.at)}</td>
                                    <td>{who}</td>
                                    <td>{move || status_name(i18n, entry.to)}</td>
                                    <td>{note_text(i18n, &entry)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The reception session a citizen asks for: who receives, when (Astana time) and where.
#[component]
fn RequestedSession(session: api::content::ReceptionSlot) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let text = move |t: &api::Localized| {
        let t = t.clone();
        move || t.get(lang.get()).to_owned()
    };
    let slot = session;
    let free = slot.capacity.saturating_sub(slot.requested);
    view! {
        <h2>{t!(i18n, office.requested_session)}</h2>
        <dl class="facts">
            <dt>{t!(i18n, office.session_official)}</dt>
            <dd>{text(&slot.official)} ", " {text(&slot.position)}</dd>
            <dt>{t!(i18n, office.session_time)}</dt>
            <dd>{local_date_time(slot.starts_at)}</dd>
            <dt>{t!(i18n, office.session_place)}</dt>
            <dd>{text(&slot.place)}</dd>
            <dt>{t!(i18n, office.session_places)}</dt>
            <dd>
                {format!("{} / {}", slot.requested, slot.capacity)} " "
                {(free == 0).then_some(t!(i18n, office.session_full))}
            </dd>
        </dl>
    }
}
