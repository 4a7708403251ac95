//! The body's FAQ: the entries by category, each to edit or delete, and one form that adds an
//! entry or changes the one chosen.

use crate::a11y::focus_by_id;
use crate::client::FetchError;
use crate::editor::fields::{DeleteButton, EditButton, HtmlHelp, Outcome, Summary, TextField, failure_text};
use crate::editor::{EditedBody, EditorFrame, LangTexts, Part, calls, use_slug};
use crate::i18n::*;
use crate::lang::use_lang;
use crate::office::{OfficeLoadError, use_session};
use api::content::{FaqDraft, FaqEntry, FaqId};
use api::domain::{FieldError, FieldProblem};
use api::{CategoryId, Lang, Localized};
use leptos::prelude::*;

#[component]
pub fn FaqEditorPage() -> impl IntoView {
    let i18n = use_i18n();
    let title = Signal::derive(move || t_string!(i18n, editor.part_faq).to_owned());
    view! {
        <EditorFrame part=Part::Faq title>
            <FaqEditor />
        </EditorFrame>
    }
}

/// The form's contents, shared by the list (Edit fills it) and the form.
#[derive(Clone, Copy)]
struct FaqForm {
    editing: RwSignal<Option<FaqId>>,
    category: RwSignal<String>,
    question: LangTexts,
    answer: LangTexts,
    position: RwSignal<String>,
}

impl FaqForm {
    fn fill(self, entry: Option<&FaqEntry>) {
        self.editing.set(entry.map(|e| e.id));
        self.category.set(entry.and_then(|e| e.category.as_ref()).map(|c| c.id.0.to_string()).unwrap_or_default());
        self.question.set(entry.map(|e| &e.question));
        self.answer.set(entry.map(|e| &e.answer_html));
        self.position.set(entry.map_or(0, |e| e.position).to_string());
    }
}

#[component]
fn FaqEditor() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let slug = use_slug();
    let session = use_session();
    let entries = LocalResource::new(move || {
        let slug = slug.get();
        async move { calls::faq(&slug).await }
    });
    let form = FaqForm {
        editing: RwSignal::new(None),
        category: RwSignal::new(String::new()),
        question: LangTexts::new(None),
        answer: LangTexts::new(None),
        position: RwSignal::new("0".into()),
    };
    let outcome = RwSignal::new(None::<(bool, String)>);
    let report = move |message: (bool, String)| {
        outcome.set(Some(message));
        focus_by_id("faq-outcome");
    };
    let edit = Callback::new(move |entry: FaqEntry| {
        form.fill(Some(&entry));
        outcome.set(None);
        focus_by_id("faq-form-heading");
    });
    let delete = Callback::new(move |id: FaqId| {
        let (slug, csrf) = (slug.get_untracked(), session.csrf());
        leptos::task::spawn_local(async move {
            let result = calls::delete_faq(&slug, id, &csrf).await;
            if outcome.is_disposed() {
                return;
            }
            match result {
                Ok(()) => {
                    if form.editing.get_untracked() == Some(id) {
                        form.fill(None);
                    }
                    entries.refetch();
                    report((true, t_string!(i18n, editor.faq_deleted).to_owned()));
                }
                Err(error) => report((false, failure_text(i18n, &error).to_owned())),
            }
        });
    });
    let saved = Callback::new(move |entry: FaqEntry| {
        form.fill(None);
        entries.refetch();
        let question = entry.question.get(lang.get_untracked()).to_owned();
        report((true, format!("{} «{question}»", t_string!(i18n, editor.faq_saved))));
    });
    let loading = move || view! { <p role="status">{t!(i18n, loading)}</p> };
    view! {
        <Outcome id="faq-outcome" message=outcome />
        <section aria-labelledby="faq-list-heading">
            <h2 id="faq-list-heading">{t!(i18n, editor.faq_list)}</h2>
            <Transition fallback=loading>
                {move || Suspend::new(async move {
                    match entries.await {
                        Ok(list) if list.is_empty() => view! { <p>{t!(i18n, editor.faq_empty)}</p> }.into_any(),
                        Ok(list) => view! { <FaqList entries=list edit delete /> }.into_any(),
                        Err(error) => view! { <OfficeLoadError error on_retry=move |_| entries.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
        <FaqFormView form saved failed=Callback::new(report) />
    }
}

#[component]
fn FaqList(entries: Vec<FaqEntry>, edit: Callback<FaqEntry>, delete: Callback<FaqId>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    // The server orders them by category, so each category is one run of entries.
    let mut groups: Vec<(Option<Localized>, Vec<FaqEntry>)> = Vec::new();
    for entry in entries {
        let name = entry.category.as_ref().map(|c| c.name.clone());
        match groups.last_mut() {
            Some((last, list)) if *last == name => list.push(entry),
            _ => groups.push((name, vec![entry])),
        }
    }
    groups
        .into_iter()
        .map(|(name, list)| {
            let heading = move || match &name {
                Some(name) => name.get(lang.get()).to_owned(),
                None => t_string!(i18n, editor.general).to_owned(),
            };
            view! {
                <h3>{heading}</h3>
                <ul class="editor-list">
                    {list
                        .into_iter()
                        .map(|entry| {
                            let question = entry.question.clone();
                            let what = Signal::derive(move || question.get(lang.get()).to_owned());
                            let (id, position) = (entry.id, entry.position);
                            let entry = StoredValue::new(entry);
                            view! {
                                <li>
                                    <p class="editor-item-title">{what}</p>
                                    <p class="hint">{t!(i18n, editor.order)} ": " {position}</p>
                                    <div class="editor-item-actions">
                                        <EditButton what on_click=move |_| edit.run(entry.get_value()) />
                                        <DeleteButton what on_confirm=move |_| delete.run(id) />
                                    </div>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
        })
        .collect_view()
}

#[component]
fn FaqFormView(form: FaqForm, saved: Callback<FaqEntry>, failed: Callback<(bool, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let slug = use_slug();
    let session = use_session();
    let body = use_context::<EditedBody>().map(|b| b.0);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let saving = RwSignal::new(false);
    let categories = move || body.and_then(|b| b.get()).and_then(Result::ok).map(|b| b.categories).unwrap_or_default();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let position = form.position.get_untracked().trim().parse::<i32>();
        let draft = FaqDraft {
            category_id: form.category.get_untracked().parse().ok().map(CategoryId),
            question: form.question.draft(),
            answer_html: form.answer.draft(),
            position: position.clone().unwrap_or(0),
        };
        let mut problems = draft.validate().err().unwrap_or_default();
        if position.is_err() {
            problems.push(FieldError { field: "position".into(), problem: FieldProblem::BadFormat });
        }
        errors.set(problems);
        if !errors.read_untracked().is_empty() {
            return;
        }
        saving.set(true);
        let (slug, csrf, id) = (slug.get_untracked(), session.csrf(), form.editing.get_untracked());
        leptos::task::spawn_local(async move {
            let result = calls::save_faq(&slug, id, &draft, &csrf).await;
            if saving.is_disposed() {
                return;
            }
            saving.set(false);
            match result {
                Ok(entry) => saved.run(entry),
                Err(FetchError::Invalid(fields)) => errors.set(fields),
                Err(error) => failed.run((false, failure_text(i18n, &error).to_owned())),
            }
        });
    };
    let cancel = move |_| {
        form.fill(None);
        errors.set(Vec::new());
        focus_by_id("faq-form-heading");
    };
    let heading = move || {
        if form.editing.get().is_some() { t_string!(i18n, editor.faq_edit) } else { t_string!(i18n, editor.faq_add) }
    };
    view! {
        <section class="action" aria-labelledby="faq-form-heading">
            <h2 id="faq-form-heading" tabindex="-1">
                {heading}
            </h2>
            <Summary errors />
            <form novalidate on:submit=submit>
                <div class="field">
                    <label for="field-category_id">{t!(i18n, editor.category)}</label>
                    <select
                        id="field-category_id"
                        prop:value=move || form.category.get()
                        on:change:target=move |ev| form.category.set(ev.target().value())
                    >
                        <option value="" selected=move || form.category.with(String::is_empty)>
                            {t!(i18n, editor.general)}
                        </option>
                        {move || {
                            categories()
                                .into_iter()
                                .map(|c| {
                                    let value = c.id.0.to_string();
                                    let chosen = value.clone();
                                    view! {
                                        <option value=value selected=move || form.category.with(|v| *v == chosen)>
                                            {c.name.get(lang.get()).to_owned()}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                <p class="hint">{t!(i18n, editor.languages_hint)}</p>
                <HtmlHelp id="faq-html-help" />
                {Lang::ALL
                    .into_iter()
                    .map(|l| {
                        let code = l.code();
                        view! {
                            <fieldset class="field lang-fieldset">
                                <legend lang=code>{l.endonym()}</legend>
                                <TextField
                                    field=format!("question.{code}")
                                    label=Signal::derive(move || t_string!(i18n, editor.question).to_owned())
                                    value=form.question.get(l)
                                    errors
                                    lang=l
                                    rows=3
                                />
                                <TextField
                                    field=format!("answer_html.{code}")
                                    label=Signal::derive(move || t_string!(i18n, editor.answer).to_owned())
                                    value=form.answer.get(l)
                                    errors
                                    lang=l
                                    rows=8
                                    shared_hint="faq-html-help"
                                />
                            </fieldset>
                        }
                    })
                    .collect_view()}
                <TextField
                    field="position"
                    label=Signal::derive(move || t_string!(i18n, editor.order).to_owned())
                    hint=Signal::derive(move || t_string!(i18n, editor.order_hint).to_owned())
                    value=form.position
                    errors
                    kind="number"
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
