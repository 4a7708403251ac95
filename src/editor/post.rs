//! Writing a post of the head's blog, new or existing: a title and text per language, a draft,
//! published now or scheduled (Astana time), a cover image with its description per language.
//! The form runs `PostDraft::validate` before the server does, and keeps everything typed.

use crate::a11y::focus_by_id;
use crate::client::FetchError;
use crate::editor::fields::{
    DateTimeField, DeleteButton, HtmlHelp, ImageField, Outcome, Summary, TextField, failure_text,
};
use crate::editor::{
    EditorFrame, LangTexts, Part, astana_inputs, calls, editor_href, from_astana, now, set_flash, take_flash, use_slug,
};
use crate::i18n::*;
use crate::lang::use_lang;
use crate::office::{OfficeLoadError, use_session};
use api::content::{OfficePost, PostDraft, PostId, PostState, PostText};
use api::domain::{FieldError, FieldProblem};
use api::{ErrorCode, Lang, Localized};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_params_map};

/// Where the post goes on saving.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Draft,
    /// Public now, or kept public from when it was first published.
    Publish,
    Schedule,
}

#[component]
pub fn PostEditPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    // `None` for a new post; `Some(None)` for an address that is no post's.
    let id = Memo::new(move |_| params.read().get("id").map(|id| id.parse::<i64>().ok().map(PostId)));
    let title = Signal::derive(move || match id.get() {
        None => t_string!(i18n, editor.new_post).to_owned(),
        Some(_) => t_string!(i18n, editor.edit_post).to_owned(),
    });
    view! {
        <EditorFrame part=Part::Blog title parent=true>
            <PostLoader id />
        </EditorFrame>
    }
}

#[component]
fn PostLoader(id: Memo<Option<Option<PostId>>>) -> impl IntoView {
    let i18n = use_i18n();
    let slug = use_slug();
    // What the last change did; outside the form, so it can take focus while the post loads
    // (after a new post's first save, which opens the post's own address).
    let outcome = RwSignal::new(take_flash("post-outcome").map(|text| (true, text)));
    let post = LocalResource::new(move || {
        let (slug, id) = (slug.get(), id.get());
        async move {
            match id {
                None => Ok(None),
                Some(Some(id)) => calls::post(&slug, id).await.map(Some),
                Some(None) => Err(FetchError::Server(ErrorCode::NotFound)),
            }
        }
    });
    let loading = move || view! { <p role="status">{t!(i18n, loading)}</p> };
    view! {
        <Outcome id="post-outcome" message=outcome />
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match post.await {
                    Ok(initial) => view! { <PostForm initial outcome /> }.into_any(),
                    Err(FetchError::Server(ErrorCode::NotFound)) => {
                        view! { <p class="status-error">{t!(i18n, editor.gone)}</p> }.into_any()
                    }
                    Err(error) => view! { <OfficeLoadError error on_retry=move |_| post.refetch() /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The mode a stored post opens in, and when it went public if it already has.
fn mode_of(post: Option<&OfficePost>) -> (Mode, Option<i64>) {
    match post {
        None => (Mode::Draft, None),
        Some(p) if p.state == PostState::Draft => (Mode::Draft, None),
        Some(p) => match p.publish_at {
            Some(at) if at > now() => (Mode::Schedule, None),
            at => (Mode::Publish, at),
        },
    }
}

#[component]
fn PostForm(initial: Option<OfficePost>, outcome: RwSignal<Option<(bool, String)>>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let slug = use_slug();
    let session = use_session();
    let navigate = use_navigate();
    let id = initial.as_ref().map(|p| p.id);
    let text_of = |lang: Lang| initial.as_ref().and_then(|p| p.texts.iter().find(|t| t.lang == lang));
    let localized = |part: fn(&PostText) -> &String| {
        let get = |l| text_of(l).map(|t| part(t).clone()).unwrap_or_default();
        Localized { kk: get(Lang::Kk), ru: get(Lang::Ru), en: get(Lang::En) }
    };
    let titles = LangTexts::new(Some(&localized(|t| &t.title)));
    let bodies = LangTexts::new(Some(&localized(|t| &t.body_html)));
    let cover = RwSignal::new(initial.as_ref().and_then(|p| p.cover.clone()));
    let alts = LangTexts::new(cover.get_untracked().as_ref().map(|c| &c.alt));
    let (first_mode, published_at) = mode_of(initial.as_ref());
    let mode = RwSignal::new(first_mode);
    let scheduled = initial.as_ref().and_then(|p| p.publish_at).filter(|at| *at > now());
    let (day, time) = scheduled.map(astana_inputs).unwrap_or_default();
    let (day, time) = (RwSignal::new(day), RwSignal::new(time));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let saving = RwSignal::new(false);
    // The post's name in questions about it: its title in the page's language, else its first.
    let title_of = StoredValue::new(initial.as_ref().and_then(|p| {
        p.texts.iter().find(|t| t.lang == lang.get_untracked()).or(p.texts.first()).map(|t| t.title.clone())
    }));

    // The draft as typed, and the problems of the publication time the draft cannot see.
    let build = move || -> (PostDraft, Vec<FieldError>) {
        let texts = Lang::ALL
            .into_iter()
            .filter_map(|l| {
                let (title, body_html) = (titles.get(l).get_untracked(), bodies.get(l).get_untracked());
                (!title.trim().is_empty() || !body_html.trim().is_empty()).then_some(PostText {
                    lang: l,
                    title,
                    body_html,
                })
            })
            .collect();
        let mut problems = Vec::new();
        let (state, publish_at) = match mode.get_untracked() {
            Mode::Draft => (PostState::Draft, None),
            Mode::Publish => (PostState::Published, published_at),
            Mode::Schedule => match from_astana(&day.get_untracked(), &time.get_untracked()) {
                Some(at) if at > now() => (PostState::Published, Some(at)),
                at => {
                    let problem = if at.is_some() { FieldProblem::TooEarly } else { FieldProblem::Missing };
                    problems.push(FieldError { field: "publish_at".into(), problem });
                    (PostState::Published, at)
                }
            },
        };
        let cover_id = cover.get_untracked().map(|c| c.id);
        (PostDraft { texts, state, publish_at, cover: cover_id, cover_alt: alts.draft() }, problems)
    };

    let save_navigate = navigate.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let (draft, scheduling) = build();
        let mut problems = draft.validate().err().unwrap_or_default();
        problems.extend(scheduling);
        errors.set(problems);
        if !errors.read_untracked().is_empty() {
            return;
        }
        outcome.set(None);
        saving.set(true);
        let (slug, csrf, navigate) = (slug.get_untracked(), session.csrf(), save_navigate.clone());
        leptos::task::spawn_local(async move {
            let result = calls::save_post(&slug, id, &draft, &csrf).await;
            if saving.is_disposed() {
                return;
            }
            saving.set(false);
            match result {
                // A new post gets its own address, so the next save changes it.
                Ok(post) if id.is_none() => {
                    set_flash(t_string!(i18n, editor.saved).to_owned());
                    let href = editor_href(lang.get_untracked(), &slug, &format!("blog/{}", post.id.0));
                    navigate(&href, NavigateOptions { replace: true, ..Default::default() });
                }
                Ok(_) => {
                    outcome.set(Some((true, t_string!(i18n, editor.saved).to_owned())));
                    focus_by_id("post-outcome");
                }
                Err(FetchError::Invalid(fields)) => errors.set(fields),
                Err(error) => {
                    outcome.set(Some((false, failure_text(i18n, &error).to_owned())));
                    focus_by_id("post-outcome");
                }
            }
        });
    };

    let delete = move || {
        let Some(id) = id else { return };
        let (slug, csrf, navigate) = (slug.get_untracked(), session.csrf(), navigate.clone());
        leptos::task::spawn_local(async move {
            match calls::delete_post(&slug, id, &csrf).await {
                Ok(()) => {
                    set_flash(t_string!(i18n, editor.post_deleted).to_owned());
                    navigate(&editor_href(lang.get_untracked(), &slug, "blog"), Default::default());
                }
                Err(error) => {
                    if outcome.is_disposed() {
                        return;
                    }
                    outcome.set(Some((false, failure_text(i18n, &error).to_owned())));
                    focus_by_id("post-outcome");
                }
            }
        });
    };

    let page_alt = Signal::derive(move || alts.get(lang.get()).get());
    view! {
        <Summary errors />
        <form novalidate on:submit=submit>
            <p class="hint">{t!(i18n, editor.post_intro)}</p>
            <HtmlHelp id="post-html-help" />
            <div id="field-texts" tabindex="-1">
                {Lang::ALL
                    .into_iter()
                    .map(|l| {
                        let code = l.code();
                        view! {
                            <fieldset class="field lang-fieldset">
                                <legend lang=code>{l.endonym()}</legend>
                                <TextField
                                    field=format!("texts.{code}.title")
                                    label=Signal::derive(move || t_string!(i18n, editor.title).to_owned())
                                    value=titles.get(l)
                                    errors
                                    lang=l
                                />
                                <TextField
                                    field=format!("texts.{code}.body_html")
                                    label=Signal::derive(move || t_string!(i18n, editor.text).to_owned())
                                    value=bodies.get(l)
                                    errors
                                    lang=l
                                    rows=12
                                    shared_hint="post-html-help"
                                />
                                <Show when=move || cover.with(Option::is_some)>
                                    <TextField
                                        field=format!("cover_alt.{code}")
                                        label=Signal::derive(move || t_string!(i18n, editor.alt).to_owned())
                                        hint=Signal::derive(move || t_string!(i18n, editor.alt_hint).to_owned())
                                        value=alts.get(l)
                                        errors
                                        lang=l
                                    />
                                </Show>
                            </fieldset>
                        }
                    })
                    .collect_view()}
            </div>
            <ImageField
                label=Signal::derive(move || t_string!(i18n, editor.cover).to_owned())
                image=cover
                alt=page_alt
                errors
            />
            <Publication mode day time errors published=published_at.is_some() />
            <button type="submit" class="button" aria-disabled=move || saving.get().then_some("true")>
                {t!(i18n, editor.save)}
            </button>
        </form>
        {id
            .map(|_| {
                let what = Signal::derive(move || title_of.get_value().unwrap_or_default());
                view! {
                    <section class="action" aria-labelledby="delete-post-heading">
                        <h2 id="delete-post-heading">{t!(i18n, editor.delete_post)}</h2>
                        <DeleteButton what on_confirm=move |_| delete() />
                    </section>
                }
            })}
    }
}

/// Draft, publish (now, or kept from when it went public) or schedule at a date and time.
#[component]
fn Publication(
    mode: RwSignal<Mode>,
    day: RwSignal<String>,
    time: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
    published: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let options = [(Mode::Draft, "draft"), (Mode::Publish, "publish"), (Mode::Schedule, "schedule")];
    let option_label = move |m: Mode| match m {
        Mode::Draft => t_string!(i18n, editor.mode_draft),
        Mode::Publish if published => t_string!(i18n, editor.mode_keep),
        Mode::Publish => t_string!(i18n, editor.mode_publish),
        Mode::Schedule => t_string!(i18n, editor.mode_schedule),
    };
    view! {
        <fieldset class="field">
            <legend>{t!(i18n, editor.publication)}</legend>
            <div class="choices choices-stacked">
                {options
                    .into_iter()
                    .map(|(m, name)| {
                        let id = format!("field-mode-{name}");
                        view! {
                            <div class="choice">
                                <input
                                    type="radio"
                                    name="mode"
                                    id=id.clone()
                                    prop:checked=move || mode.get() == m
                                    on:change=move |_| mode.set(m)
                                />
                                <label for=id>{move || option_label(m)}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
        <Show when=move || mode.get() == Mode::Schedule>
            <DateTimeField
                field="publish_at"
                legend=Signal::derive(move || t_string!(i18n, editor.publish_at).to_owned())
                day
                time
                errors
            />
        </Show>
    }
}
