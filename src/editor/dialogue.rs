//! The body's open dialogue links (polls, online conferences): the list, each to edit or
//! delete, and one form that adds a link or changes the one chosen.

use crate::a11y::focus_by_id;
use crate::client::FetchError;
use crate::components::status_name::local_date;
use crate::editor::fields::{DeleteButton, EditButton, Outcome, Summary, TextField, failure_text};
use crate::editor::{EditorFrame, LangTexts, Part, astana_inputs, calls, from_astana, use_slug};
use crate::i18n::*;
use crate::lang::use_lang;
use crate::office::{OfficeLoadError, use_session};
use api::Lang;
use api::content::{DialogueKind, DialogueLink, LinkDraft, LinkId};
use api::domain::{FieldError, FieldProblem};
use leptos::prelude::*;

#[component]
pub fn DialogueEditorPage() -> impl IntoView {
    let i18n = use_i18n();
    let title = Signal::derive(move || t_string!(i18n, editor.part_dialogue).to_owned());
    view! {
        <EditorFrame part=Part::Dialogue title>
            <DialogueEditor />
        </EditorFrame>
    }
}

pub fn kind_name(i18n: leptos_i18n::I18nContext<Locale>, kind: DialogueKind) -> &'static str {
    match kind {
        DialogueKind::Poll => t_string!(i18n, editor.kind_poll),
        DialogueKind::Conference => t_string!(i18n, editor.kind_conference),
        DialogueKind::Other => t_string!(i18n, editor.kind_other),
    }
}

/// The form's contents, shared by the list (Edit fills it) and the form.
#[derive(Clone, Copy)]
struct LinkForm {
    editing: RwSignal<Option<LinkId>>,
    kind: RwSignal<DialogueKind>,
    title: LangTexts,
    url: RwSignal<String>,
    starts: RwSignal<String>,
    ends: RwSignal<String>,
}

impl LinkForm {
    fn fill(self, link: Option<&DialogueLink>) {
        let day = |at: Option<i64>| at.map(|at| astana_inputs(at).0).unwrap_or_default();
        self.editing.set(link.map(|l| l.id));
        self.kind.set(link.map_or(DialogueKind::Poll, |l| l.kind));
        self.title.set(link.map(|l| &l.title));
        self.url.set(link.map(|l| l.url.clone()).unwrap_or_default());
        self.starts.set(day(link.and_then(|l| l.starts_at)));
        self.ends.set(day(link.and_then(|l| l.ends_at)));
    }
}

#[component]
fn DialogueEditor() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let slug = use_slug();
    let session = use_session();
    let links = LocalResource::new(move || {
        let slug = slug.get();
        async move { calls::dialogue(&slug).await }
    });
    let form = LinkForm {
        editing: RwSignal::new(None),
        kind: RwSignal::new(DialogueKind::Poll),
        title: LangTexts::new(None),
        url: RwSignal::new(String::new()),
        starts: RwSignal::new(String::new()),
        ends: RwSignal::new(String::new()),
    };
    let outcome = RwSignal::new(None::<(bool, String)>);
    let report = move |message: (bool, String)| {
        outcome.set(Some(message));
        focus_by_id("dialogue-outcome");
    };
    let edit = Callback::new(move |link: DialogueLink| {
        form.fill(Some(&link));
        outcome.set(None);
        focus_by_id("link-form-heading");
    });
    let delete = Callback::new(move |id: LinkId| {
        let (slug, csrf) = (slug.get_untracked(), session.csrf());
        leptos::task::spawn_local(async move {
            let result = calls::delete_link(&slug, id, &csrf).await;
            if outcome.is_disposed() {
                return;
            }
            match result {
                Ok(()) => {
                    if form.editing.get_untracked() == Some(id) {
                        form.fill(None);
                    }
                    links.refetch();
                    report((true, t_string!(i18n, editor.link_deleted).to_owned()));
                }
                Err(error) => report((false, failure_text(i18n, &error).to_owned())),
            }
        });
    });
    let saved = Callback::new(move |link: DialogueLink| {
        form.fill(None);
        links.refetch();
        report((true, format!("{} «{}»", t_string!(i18n, editor.link_saved), link.title.get(lang.get_untracked()))));
    });
    let loading = move || view! { <p role="status">{t!(i18n, loading)}</p> };
    view! {
        <p>
            <a href=move || format!("/{}/bodies/{}/dialogue", lang.get(), slug.get()) rel="external">
                {t!(i18n, editor.public_dialogue)}
            </a>
        </p>
        <Outcome id="dialogue-outcome" message=outcome />
        <section aria-labelledby="links-heading">
            <h2 id="links-heading">{t!(i18n, editor.links)}</h2>
            <Transition fallback=loading>
                {move || Suspend::new(async move {
                    match links.await {
                        Ok(list) if list.is_empty() => view! { <p>{t!(i18n, editor.links_empty)}</p> }.into_any(),
                        Ok(list) => view! { <LinkList links=list edit delete /> }.into_any(),
                        Err(error) => view! { <OfficeLoadError error on_retry=move |_| links.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
        <LinkFormView form saved failed=Callback::new(report) />
    }
}

#[component]
fn LinkList(links: Vec<DialogueLink>, edit: Callback<DialogueLink>, delete: Callback<LinkId>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    view! {
        <ul class="editor-list">
            {links
                .into_iter()
                .map(|link| {
                    let title = link.title.clone();
                    let what = Signal::derive(move || title.get(lang.get()).to_owned());
                    let dates = match (link.starts_at, link.ends_at) {
                        (Some(s), Some(e)) => format!("{} — {}", local_date(s), local_date(e)),
                        (Some(s), None) => local_date(s),
                        (None, Some(e)) => format!("— {}", local_date(e)),
                        (None, None) => String::new(),
                    };
                    let (id, kind, url) = (link.id, link.kind, link.url.clone());
                    let link = StoredValue::new(link);
                    view! {
                        <li>
                            <p class="editor-item-title">{what}</p>
                            <p class="hint">{move || kind_name(i18n, kind)} " " {dates}</p>
                            <p class="editor-url">
                                <a href=url.clone() rel="external noopener">
                                    {url.clone()}
                                </a>
                            </p>
                            <div class="editor-item-actions">
                                <EditButton what on_click=move |_| edit.run(link.get_value()) />
                                <DeleteButton what on_confirm=move |_| delete.run(id) />
                            </div>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

#[component]
fn LinkFormView(form: LinkForm, saved: Callback<DialogueLink>, failed: Callback<(bool, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let slug = use_slug();
    let session = use_session();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let saving = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        // A date that is filled in but not a date is a problem, not "no date".
        let mut problems = Vec::new();
        let mut day = |field: &str, value: String, time: &str| {
            if value.trim().is_empty() {
                return None;
            }
            let at = from_astana(&value, time);
            if at.is_none() {
                problems.push(FieldError { field: field.into(), problem: FieldProblem::BadFormat });
            }
            at
        };
        // A link opens at the start of its first day and closes at the end of its last.
        let starts_at = day("starts_at", form.starts.get_untracked(), "00:00");
        let ends_at = day("ends_at", form.ends.get_untracked(), "23:59").map(|at| at + 59);
        let draft = LinkDraft {
            kind: form.kind.get_untracked(),
            title: form.title.draft(),
            url: form.url.get_untracked().trim().to_owned(),
            starts_at,
            ends_at,
        };
        let mut all = draft.validate().err().unwrap_or_default();
        all.extend(problems);
        errors.set(all);
        if !errors.read_untracked().is_empty() {
            return;
        }
        saving.set(true);
        let (slug, csrf, id) = (slug.get_untracked(), session.csrf(), form.editing.get_untracked());
        leptos::task::spawn_local(async move {
            let result = calls::save_link(&slug, id, &draft, &csrf).await;
            if saving.is_disposed() {
                return;
            }
            saving.set(false);
            match result {
                Ok(link) => saved.run(link),
                Err(FetchError::Invalid(fields)) => errors.set(fields),
                Err(error) => failed.run((false, failure_text(i18n, &error).to_owned())),
            }
        });
    };
    let cancel = move |_| {
        form.fill(None);
        errors.set(Vec::new());
        focus_by_id("link-form-heading");
    };
    let heading = move || {
        if form.editing.get().is_some() { t_string!(i18n, editor.link_edit) } else { t_string!(i18n, editor.link_add) }
    };
    view! {
        <section class="action" aria-labelledby="link-form-heading">
            <h2 id="link-form-heading" tabindex="-1">
                {heading}
            </h2>
            <Summary errors />
            <form novalidate on:submit=submit>
                <div class="field">
                    <label for="field-kind">{t!(i18n, editor.kind)}</label>
                    <select
                        id="field-kind"
                        on:change:target=move |ev| {
                            if let Some(kind) = DialogueKind::parse(&ev.target().value()) {
                                form.kind.set(kind);
                            }
                        }
                    >
                        {DialogueKind::ALL
                            .into_iter()
                            .map(|k| {
                                view! {
                                    <option value=k.as_str() selected=move || form.kind.get() == k>
                                        {move || kind_name(i18n, k)}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <p class="hint">{t!(i18n, editor.languages_hint)}</p>
                {Lang::ALL
                    .into_iter()
                    .map(|l| {
                        let code = l.code();
                        view! {
                            <fieldset class="field lang-fieldset">
                                <legend lang=code>{l.endonym()}</legend>
                                <TextField
                                    field=format!("title.{code}")
                                    label=Signal::derive(move || t_string!(i18n, editor.title).to_owned())
                                    value=form.title.get(l)
                                    errors
                                    lang=l
                                />
                            </fieldset>
                        }
                    })
                    .collect_view()}
                <TextField
                    field="url"
                    label=Signal::derive(move || t_string!(i18n, editor.url).to_owned())
                    hint=Signal::derive(move || t_string!(i18n, editor.url_hint).to_owned())
                    value=form.url
                    errors
                    kind="url"
                />
                <TextField
                    field="starts_at"
                    label=Signal::derive(move || t_string!(i18n, editor.starts_on).to_owned())
                    hint=Signal::derive(move || t_string!(i18n, editor.optional_date).to_owned())
                    value=form.starts
                    errors
                    kind="date"
                />
                <TextField
                    field="ends_at"
                    label=Signal::derive(move || t_string!(i18n, editor.ends_at).to_owned())
                    hint=Signal::derive(move || t_string!(i18n, editor.optional_date).to_owned())
                    value=form.ends
                    errors
                    kind="date"
                />
                <button type="submit" class="button" aria-disabled=move || saving.get().then_some("true")>
                    {t!(i18n, editor.save)}
                </button>
                " "
                <Show when=move || form.editing.get().is_some()>
                    <button type="button" class="button button-secondary" on:click=cancel>
                        {t!(i18n, editor.cancel_edit)}
                    </button>
                </Show>
            </form>
        </section>
    }
}
