//! The ask form's two other channels: a question to the head (`?channel=blog`), answered on
//! the head's blog, and a request for a place at a reception session
//! (`?channel=reception&slot=ID`), answered by email and never published.

use super::Step;
use crate::client::{self, FetchError};
use crate::components::error_summary::{FieldMessage, field_id};
use crate::components::load_error::LoadError;
use crate::components::status_name::local_date_time;
use crate::i18n::*;
use crate::lang::use_lang;
use api::cases::{Channel, PublishAs, QuestionForm};
use api::content::{ReceptionSlot, SlotId};
use api::domain::FieldError;
use api::{ErrorCode, Lang};
use leptos::prelude::*;
use leptos_router::params::ParamsMap;

type I18n = leptos_i18n::I18nContext<Locale>;

/// What the form is for, from the address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Purpose {
    /// A question to the body, published with its answer (the default).
    Question,
    /// A question to the head, answered on the head's blog.
    Blog,
    /// A request for a place at this reception session (`None`: the link named none).
    Reception(Option<SlotId>),
}

impl Purpose {
    pub(super) fn from_query(query: &ParamsMap) -> Purpose {
        match query.get("channel").as_deref() {
            Some("blog") => Purpose::Blog,
            Some("reception") => Purpose::Reception(query.get("slot").and_then(|s| s.parse().ok()).map(SlotId)),
            _ => Purpose::Question,
        }
    }

    pub(super) fn is_reception(self) -> bool {
        matches!(self, Purpose::Reception(_))
    }

    /// The form as this channel sends it; the default question is left exactly as it was.
    pub(super) fn prepare(self, form: QuestionForm) -> QuestionForm {
        match self {
            Purpose::Question => form,
            Purpose::Blog => QuestionForm { channel: Some(Channel::Blog), ..form },
            Purpose::Reception(slot) => QuestionForm {
                channel: Some(Channel::Reception),
                slot,
                // Never published; the choice is not asked.
                publish_as: PublishAs::Anonymous,
                ..form
            },
        }
    }

    pub(super) fn title(self, i18n: I18n, step: Step) -> &'static str {
        match (self, step) {
            (Purpose::Reception(_), Step::Form) => t_string!(i18n, hub.reception_title),
            (Purpose::Reception(_), Step::Preview) => t_string!(i18n, hub.reception_preview_title),
            (Purpose::Reception(_), Step::Sent) => t_string!(i18n, hub.reception_sent_title),
            (Purpose::Blog, Step::Form) => t_string!(i18n, hub.ask_head_title),
            (_, Step::Form) => t_string!(i18n, ask.title),
            (_, Step::Preview) => t_string!(i18n, ask.preview_title),
            (_, Step::Sent) => t_string!(i18n, ask.sent_title),
        }
    }

    pub(super) fn intro(self, i18n: I18n) -> &'static str {
        match self {
            Purpose::Question => t_string!(i18n, ask.intro),
            Purpose::Blog => t_string!(i18n, hub.ask_head_intro),
            Purpose::Reception(_) => t_string!(i18n, hub.reception_intro),
        }
    }

    pub(super) fn text_label(self, i18n: I18n) -> &'static str {
        match self {
            Purpose::Reception(_) => t_string!(i18n, hub.reception_text),
            _ => t_string!(i18n, ask.text),
        }
    }

    pub(super) fn text_hint(self, i18n: I18n) -> &'static str {
        match self {
            Purpose::Reception(_) => t_string!(i18n, hub.reception_text_hint),
            _ => t_string!(i18n, ask.text_hint),
        }
    }

    pub(super) fn name_hint(self, i18n: I18n) -> &'static str {
        match self {
            Purpose::Reception(_) => t_string!(i18n, hub.reception_name_hint),
            _ => t_string!(i18n, ask.name_hint),
        }
    }

    pub(super) fn send_label(self, i18n: I18n) -> &'static str {
        match self {
            Purpose::Reception(_) => t_string!(i18n, hub.reception_send),
            _ => t_string!(i18n, ask.send),
        }
    }

    /// The session this request is for, among the body's coming ones.
    pub(super) fn session_in(self, slots: Vec<ReceptionSlot>) -> Option<ReceptionSlot> {
        let Purpose::Reception(Some(id)) = self else { return None };
        slots.into_iter().find(|s| s.id == id)
    }
}

/// The body's coming reception sessions, loaded once for the page.
pub(super) type Schedule = LocalResource<Result<Vec<ReceptionSlot>, FetchError>>;

pub(super) fn schedule_of(slug: String) -> Schedule {
    LocalResource::new(move || {
        let slug = slug.clone();
        async move { client::schedule(&slug).await }
    })
}

/// The body's schedule page, or the schedule section's list of bodies when the body is unknown.
pub(super) fn schedule_href(lang: Lang, slug: &str) -> String {
    if slug.is_empty() { format!("/{lang}/schedule") } else { format!("/{lang}/bodies/{slug}/schedule") }
}

/// Shows the form (`children`) only for a session that is still open; otherwise says why not
/// and leads back to the schedule.
#[component]
pub(super) fn SessionGate<F, V>(schedule: Schedule, purpose: Purpose, slug: String, children: F) -> impl IntoView
where
    F: Fn(ReceptionSlot) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    let loading = move || view! { <p role="status">{t!(i18n, loading)}</p> };
    view! {
        <Transition fallback=loading>
            {move || {
                let (children, slug) = (children.clone(), slug.clone());
                Suspend::new(async move {
                    match schedule.await {
                        Ok(slots) => {
                            match purpose.session_in(slots) {
                                Some(session) if session.requested < session.capacity => children(session).into_any(),
                                Some(_) => view! { <Unavailable full=true slug /> }.into_any(),
                                None => view! { <Unavailable full=false slug /> }.into_any(),
                            }
                        }
                        Err(FetchError::Server(ErrorCode::BodyNotFound | ErrorCode::NotFound)) => {
                            view! { <Unavailable full=false slug=String::new() /> }.into_any()
                        }
                        Err(error) => view! { <LoadError error on_retry=move || schedule.refetch() /> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}

/// "This session is full" or "has taken place", and the way to choose another.
#[component]
fn Unavailable(full: bool, slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    view! {
        <div class="notice">
            <p>{move || if full { t_string!(i18n, hub.slot_full) } else { t_string!(i18n, hub.slot_gone) }}</p>
            <p>
                <a href=move || schedule_href(lang.get(), &slug) rel="external">
                    {t!(i18n, hub.to_schedule)}
                </a>
            </p>
        </div>
    }
}

/// The session asked for: who receives, when in Astana time, and where or online. On the form
/// it also carries the server's refusal (`slot`: full, or past), which the error summary links to.
#[component]
pub(super) fn SessionCard(
    session: ReceptionSlot,
    #[prop(optional)] errors: Option<RwSignal<Vec<FieldError>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let ends = session.starts_at + i64::from(session.minutes) * 60;
    let end_time = local_date_time(ends).rsplit(' ').next().unwrap_or_default().to_owned();
    let when = format!("{}–{end_time}", local_date_time(session.starts_at));
    let ReceptionSlot { official, position, place, online, .. } = session;
    view! {
        <section class="notice session-card" id=field_id("slot") tabindex="-1" aria-labelledby="session-heading">
            <h2 id="session-heading">{t!(i18n, hub.session)}</h2>
            {errors.map(|errors| view! { <FieldMessage field="slot" errors /> })}
            <dl class="facts">
                <div>
                    <dt>{t!(i18n, hub.session_official)}</dt>
                    <dd>
                        {move || official.get(lang.get()).to_owned()} ", " {move || position.get(lang.get()).to_owned()}
                    </dd>
                </div>
                <div>
                    <dt>{t!(i18n, hub.session_when)}</dt>
                    <dd>{when} " " {t!(i18n, hub.astana_time)}</dd>
                </div>
                <div>
                    <dt>
                        {move || {
                            if online {
                                t_string!(i18n, hub.session_online)
                            } else {
                                t_string!(i18n, hub.session_place)
                            }
                        }}
                    </dt>
                    <dd>{move || place.get(lang.get()).to_owned()}</dd>
                </div>
            </dl>
        </section>
    }
}

/// Whom a question to the head goes to: the head's name and position.
#[component]
pub(super) fn HeadLine(#[prop(into)] slug: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let head = LocalResource::new(move || {
        let slug = slug.get();
        async move { if slug.is_empty() { None } else { client::head(&slug).await.ok() } }
    });
    move || {
        head.get().flatten().map(|head| {
            view! {
                <p class="addressee">
                    {t!(i18n, hub.ask_head_to)} ": " <strong>{head.name.get(lang.get()).to_owned()}</strong> ", "
                    {head.position.get(lang.get()).to_owned()}
                </p>
            }
        })
    }
}
