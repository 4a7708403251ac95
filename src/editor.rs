//! The office's content editor (the editor bundle): the head's profile and blog, FAQ, reception
//! schedule, open dialogue links, and the Open Dialogue indicators. The head and moderators of a
//! body edit them (administrators pass every check); the office shell signs staff in.

pub mod calls;
pub mod dialogue;
pub mod faq;
pub mod fields;
pub mod indicators;
pub mod post;
pub mod posts;
pub mod profile;
pub mod schedule;

use crate::client::{self, FetchError};
use crate::components::layout::CurrentBody;
use crate::components::page_heading::PageHeading;
use crate::i18n::*;
use crate::lang::use_lang;
use crate::office::use_session;
use api::content::LocalizedDraft;
use api::staff::Role;
use api::{Body, Lang, Localized};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use std::cell::RefCell;

/// The roles that edit a body's content; administrators hold them all.
pub const EDITORS: [Role; 2] = [Role::Head, Role::Moderator];

/// The editor's pages, in the order its navigation lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Blog,
    Profile,
    Faq,
    Schedule,
    Dialogue,
    Indicators,
}

impl Part {
    pub const ALL: [Part; 6] = [Part::Blog, Part::Profile, Part::Faq, Part::Schedule, Part::Dialogue, Part::Indicators];

    /// The page's address after `/{lang}/office/{slug}`.
    pub fn path(self) -> &'static str {
        match self {
            Part::Blog => "blog",
            Part::Profile => "profile",
            Part::Faq => "faq",
            Part::Schedule => "schedule",
            Part::Dialogue => "dialogue",
            Part::Indicators => "indicators",
        }
    }

    pub fn name(self, i18n: leptos_i18n::I18nContext<Locale>) -> &'static str {
        match self {
            Part::Blog => t_string!(i18n, editor.part_blog),
            Part::Profile => t_string!(i18n, editor.part_profile),
            Part::Faq => t_string!(i18n, editor.part_faq),
            Part::Schedule => t_string!(i18n, editor.part_schedule),
            Part::Dialogue => t_string!(i18n, editor.part_dialogue),
            Part::Indicators => t_string!(i18n, editor.part_indicators),
        }
    }
}

/// The body's slug from the address.
pub fn use_slug() -> Memo<String> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("slug").unwrap_or_default())
}

/// `/{lang}/office/{slug}/{rest}`.
pub fn editor_href(lang: Lang, slug: &str, rest: &str) -> String {
    format!("/{}/office/{slug}/{rest}", lang.code())
}

/// The body being edited, loaded once by the frame for its name and, on the FAQ page, its
/// categories.
#[derive(Clone, Copy)]
pub struct EditedBody(pub LocalResource<Result<Body, FetchError>>);

/// What every editor page shares: the breadcrumbs, the heading, the body's name, the editor's
/// navigation, and the refusal for staff whose role does not allow editing. `parent` is the
/// page one level up (the list of posts, above a post).
#[component]
pub fn EditorFrame(
    part: Part,
    #[prop(into)] title: Signal<String>,
    #[prop(optional)] parent: bool,
    children: ChildrenFn,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let slug = use_slug();
    let session = use_session();
    let body = LocalResource::new(move || {
        let slug = slug.get();
        async move { client::body(&slug).await }
    });
    provide_context(EditedBody(body));
    // The header names the body, as on its public pages.
    let current = use_context::<CurrentBody>().unwrap_or_default().0;
    Effect::new(move |_| {
        if let Some(Ok(b)) = body.get() {
            current.set(Some((b.slug.to_string(), b.name.clone())));
        }
    });
    let body_name = move || body.get().and_then(Result::ok).map(|b| b.name.get(lang.get()).to_owned());
    let allowed = move || session.may(&slug.get(), &EDITORS);
    let part_href = move || editor_href(lang.get(), &slug.get(), part.path());
    view! {
        <nav class="breadcrumbs" aria-label=move || t_string!(i18n, breadcrumb)>
            <ol>
                <li>
                    <a href=move || format!("/{}/office", lang.get()) rel="external">
                        {t!(i18n, office.home)}
                    </a>
                </li>
                {parent
                    .then(|| {
                        view! {
                            <li>
                                <A href=part_href>{move || part.name(i18n)}</A>
                            </li>
                        }
                    })}
                <li aria-current="page">{title}</li>
            </ol>
        </nav>
        <PageHeading text=title />
        <p class="lead">{body_name}</p>
        {move || {
            if allowed() {
                view! {
                    <EditorNav />
                    {children()}
                }
                    .into_any()
            } else {
                view! {
                    <p class="status-error" role="alert">
                        {t!(i18n, office.forbidden)}
                    </p>
                }
                    .into_any()
            }
        }}
    }
}

/// The editor's pages for this body; the router marks the current one (`aria-current`).
#[component]
fn EditorNav() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let slug = use_slug();
    view! {
        <nav class="editor-nav" aria-label=move || t_string!(i18n, editor.nav)>
            <ul>
                {Part::ALL
                    .into_iter()
                    .map(|part| {
                        view! {
                            <li>
                                <A href=move || editor_href(
                                    lang.get(),
                                    &slug.get(),
                                    part.path(),
                                )>{move || part.name(i18n)}</A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

thread_local! {
    static FLASH: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Leaves a message for the next editor page to show (a post saved for the first time, a post
/// deleted): that page is another route, so the message crosses over here.
pub fn set_flash(message: String) {
    FLASH.with(|f| *f.borrow_mut() = Some(message));
}

/// The message left for this page, if any; the element `outcome_id` that shows it then takes
/// focus, after the page's heading has taken it (a frame later), so it is read out first.
pub fn take_flash(outcome_id: &'static str) -> Option<String> {
    let message = FLASH.with(|f| f.borrow_mut().take());
    if message.is_some() {
        Effect::new(move |_| {
            request_animation_frame(move || request_animation_frame(move || crate::a11y::focus_by_id(outcome_id)))
        });
    }
    message
}

/// Texts in the three languages, one signal each, so a form keeps what was typed in each.
#[derive(Debug, Clone, Copy)]
pub struct LangTexts {
    kk: RwSignal<String>,
    ru: RwSignal<String>,
    en: RwSignal<String>,
}

impl LangTexts {
    /// The stored texts, or empty fields.
    pub fn new(from: Option<&Localized>) -> Self {
        let text = |lang| RwSignal::new(from.map(|f| f.get(lang).to_owned()).unwrap_or_default());
        LangTexts { kk: text(Lang::Kk), ru: text(Lang::Ru), en: text(Lang::En) }
    }

    pub fn get(self, lang: Lang) -> RwSignal<String> {
        match lang {
            Lang::Kk => self.kk,
            Lang::Ru => self.ru,
            Lang::En => self.en,
        }
    }

    /// Replaces all three: an entry taken into the form to edit, or `None` to empty the form.
    pub fn set(self, from: Option<&Localized>) {
        for lang in Lang::ALL {
            self.get(lang).set(from.map(|f| f.get(lang).to_owned()).unwrap_or_default());
        }
    }

    pub fn draft(self) -> LocalizedDraft {
        LocalizedDraft { kk: self.kk.get_untracked(), ru: self.ru.get_untracked(), en: self.en.get_untracked() }
    }
}

/// Astana time, UTC+5 all year round: the time every date in the editor is entered and shown in.
const ASTANA_OFFSET: i64 = 5 * 3600;

/// Now, in Unix seconds.
pub fn now() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

/// A moment as a date input and a time input take it (`2026-03-21`, `14:05`), in Astana time.
pub fn astana_inputs(unix_seconds: i64) -> (String, String) {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(((unix_seconds + ASTANA_OFFSET) * 1000) as f64));
    (
        format!("{:04}-{:02}-{:02}", date.get_utc_full_year(), date.get_utc_month() + 1, date.get_utc_date()),
        format!("{:02}:{:02}", date.get_utc_hours(), date.get_utc_minutes()),
    )
}

/// The moment a date input and a time input mean in Astana time; `None` unless both are filled
/// in as the inputs give them.
pub fn from_astana(date: &str, time: &str) -> Option<i64> {
    let (date, time) = (date.trim(), time.trim());
    if date.len() != 10 || time.len() != 5 {
        return None;
    }
    let millis = js_sys::Date::parse(&format!("{date}T{time}:00+05:00"));
    millis.is_finite().then_some((millis / 1000.0) as i64)
}

/// The current year in Astana.
pub fn this_year() -> i32 {
    astana_inputs(now()).0.get(..4).and_then(|y| y.parse().ok()).unwrap_or(2026)
}
