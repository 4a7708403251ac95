//! The editor's form pieces. Its fields are named as the API reports them, most per language
//! (`texts.kk.title`, `question.ru`), so the messages name the field and the language; the
//! markup and behaviour are those of the site's other forms (components/error_summary.rs).

use crate::a11y::focus_by_id;
use crate::components::error_summary::field_id;
use crate::i18n::*;
use api::Lang;
use api::domain::{FieldError, FieldProblem};
use leptos::prelude::*;

type I18n = leptos_i18n::I18nContext<Locale>;

/// The language's name inside a message: "Title in Kazakh: …".
fn in_lang(i18n: I18n, lang: Lang) -> &'static str {
    match lang {
        Lang::Kk => t_string!(i18n, editor.in_kk),
        Lang::Ru => t_string!(i18n, editor.in_ru),
        Lang::En => t_string!(i18n, editor.in_en),
    }
}

/// A field's label, from its name as the API gives it (without the language).
pub fn label(i18n: I18n, name: &str, localized: bool) -> &'static str {
    match name {
        "title" => t_string!(i18n, editor.title),
        "body_html" => t_string!(i18n, editor.text),
        "texts" => t_string!(i18n, editor.texts),
        "cover_alt" | "photo_alt" => t_string!(i18n, editor.alt),
        "publish_at" => t_string!(i18n, editor.publish_at),
        "file" | "cover" | "photo" => t_string!(i18n, editor.image),
        "name" => t_string!(i18n, editor.name),
        "position" if localized => t_string!(i18n, editor.position),
        "position" => t_string!(i18n, editor.order),
        "biography" => t_string!(i18n, editor.biography),
        "category_id" => t_string!(i18n, editor.category),
        "question" => t_string!(i18n, editor.question),
        "answer_html" => t_string!(i18n, editor.answer),
        "official" => t_string!(i18n, editor.official),
        "place" => t_string!(i18n, editor.place),
        "starts_at" => t_string!(i18n, editor.starts_at),
        "minutes" => t_string!(i18n, editor.minutes),
        "capacity" => t_string!(i18n, editor.capacity),
        "kind" => t_string!(i18n, editor.kind),
        "url" => t_string!(i18n, editor.url),
        "ends_at" => t_string!(i18n, editor.ends_at),
        _ => t_string!(i18n, editor.field),
    }
}

/// What to do about the problem, after the field's name.
fn advice(i18n: I18n, name: &str, problem: FieldProblem) -> &'static str {
    use FieldProblem::*;
    match (name, problem) {
        ("texts", _) => t_string!(i18n, editor.problem_texts),
        ("publish_at", TooEarly) => t_string!(i18n, editor.problem_publish_early),
        ("starts_at", TooEarly) => t_string!(i18n, editor.problem_future),
        ("starts_at" | "publish_at", Missing) => t_string!(i18n, editor.problem_date_time),
        ("ends_at", TooEarly) => t_string!(i18n, editor.problem_ends_early),
        ("minutes", _) => t_string!(i18n, editor.problem_minutes),
        ("capacity", _) => t_string!(i18n, editor.problem_capacity),
        ("url", BadFormat) => t_string!(i18n, editor.problem_url),
        ("file", FileType) => t_string!(i18n, editor.problem_file_type),
        ("file", TooLarge) => t_string!(i18n, editor.problem_file_large),
        ("category_id", _) => t_string!(i18n, editor.problem_choice),
        ("position", BadFormat) => t_string!(i18n, editor.problem_number),
        (_, Missing) => t_string!(i18n, editor.problem_missing),
        (_, TooLong) => t_string!(i18n, editor.problem_long),
        _ => t_string!(i18n, editor.problem_check),
    }
}

/// The message for one field's problem: "Title in Kazakh: fill this in."
pub fn problem_text(i18n: I18n, error: &FieldError) -> String {
    let parts: Vec<&str> = error.field.split('.').collect();
    let (name, lang) = match parts.as_slice() {
        // `texts.kk.title`, `texts.kk.body_html`; `texts.kk` is a language given twice.
        ["texts", lang, name] => (*name, lang.parse::<Lang>().ok()),
        ["texts", lang] => ("texts", lang.parse::<Lang>().ok()),
        [name, lang] => (*name, lang.parse::<Lang>().ok()),
        _ => (error.field.as_str(), None),
    };
    let label = label(i18n, name, lang.is_some());
    let advice = advice(i18n, name, error.problem);
    match lang {
        Some(lang) => format!("{label} {}: {advice}", in_lang(i18n, lang)),
        None => format!("{label}: {advice}"),
    }
}

/// "There is a problem", with a link to each field to correct; it takes focus when shown and
/// puts "Error:" before the page title while the form has errors.
#[component]
pub fn Summary(errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let i18n = use_i18n();
    let summary = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let has_errors = !errors.read().is_empty();
        let prefix = format!("{}: ", t_string!(i18n, ask.error_prefix));
        let title = document().title();
        match title.strip_prefix(&prefix) {
            Some(rest) if !has_errors => document().set_title(rest),
            None if has_errors => document().set_title(&format!("{prefix}{title}")),
            _ => {}
        }
        if has_errors && let Some(element) = summary.get() {
            let _ = element.focus();
        }
    });
    view! {
        <Show when=move || !errors.read().is_empty()>
            <div class="error-summary" role="alert" tabindex="-1" node_ref=summary id="error-summary">
                <h2>{t!(i18n, ask.error_summary)}</h2>
                <ul>
                    {move || {
                        errors
                            .get()
                            .into_iter()
                            .map(|error| {
                                let id = field_id(&error.field);
                                view! {
                                    <li>
                                        <a
                                            href=format!("#{id}")
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                focus_by_id(&id);
                                            }
                                        >
                                            {problem_text(i18n, &error)}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}

/// The field's message when it has a problem (`field-<name>-error`).
#[component]
pub fn Message(#[prop(into)] field: String, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("{}-error", field_id(&field));
    move || {
        errors.read().iter().find(|e| e.field == field).map(|e| {
            view! {
                <p class="field-error-message" id=id.clone()>
                    <span class="visually-hidden">{t_string!(i18n, ask.error_prefix)} ": "</span>
                    {problem_text(i18n, e)}
                </p>
            }
        })
    }
}

/// Whether `field` has a problem.
pub fn has(field: String, errors: RwSignal<Vec<FieldError>>) -> impl Fn() -> bool + Copy + 'static {
    let field = StoredValue::new(field);
    move || field.with_value(|f| errors.read().iter().any(|e| &e.field == f))
}

/// `aria-describedby`: the hint when there is one, a help text shared by several fields, and
/// the message when there is a problem.
pub fn described(
    field: String,
    errors: RwSignal<Vec<FieldError>>,
    hint: bool,
    shared: Option<&'static str>,
) -> impl Fn() -> String + 'static {
    let id = field_id(&field);
    let invalid = has(field, errors);
    move || {
        let mut ids = Vec::new();
        if hint {
            ids.push(format!("{id}-hint"));
        }
        ids.extend(shared.map(str::to_owned));
        if invalid() {
            ids.push(format!("{id}-error"));
        }
        ids.join(" ")
    }
}

/// A labelled text field: an input of `kind` (text, date, time, number), or a textarea with
/// `rows`. `lang` marks text in a language other than the page's; `shared_hint` is the id of a
/// help text written once for several fields.
#[component]
pub fn TextField(
    #[prop(into)] field: String,
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(optional)] rows: Option<u32>,
    #[prop(optional)] lang: Option<Lang>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] shared_hint: Option<&'static str>,
) -> impl IntoView {
    let id = field_id(&field);
    let invalid = has(field.clone(), errors);
    let describe = described(field.clone(), errors, hint.is_some(), shared_hint);
    let code = lang.map(Lang::code);
    let control = match rows {
        Some(rows) => view! {
            <textarea
                id=id.clone()
                rows=rows
                lang=code
                aria-describedby=describe
                aria-invalid=move || invalid().then_some("true")
                prop:value=move || value.get()
                on:input:target=move |ev| value.set(ev.target().value())
            ></textarea>
        }
        .into_any(),
        None => view! {
            <input
                id=id.clone()
                type=kind
                lang=code
                inputmode=(kind == "number").then_some("numeric")
                aria-describedby=describe
                aria-invalid=move || invalid().then_some("true")
                prop:value=move || value.get()
                on:input:target=move |ev| value.set(ev.target().value())
            />
        }
        .into_any(),
    };
    view! {
        <div class="field" class:field-invalid=invalid>
            <label for=id.clone()>{label}</label>
            {hint
                .map(|hint| {
                    view! {
                        <p class="hint" id=format!("{id}-hint")>
                            {hint}
                        </p>
                    }
                })}
            <Message field errors />
            {control}
        </div>
    }
}

/// "Edit" for one item of a list; `what` names the item in the button's accessible name.
#[component]
pub fn EditButton(#[prop(into)] what: Signal<String>, #[prop(into)] on_click: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button
            type="button"
            class="button button-secondary"
            aria-label=move || format!("{}: {}", t_string!(i18n, editor.edit), what.get())
            on:click=move |_| on_click.run(())
        >
            {t!(i18n, editor.edit)}
        </button>
    }
}

/// "Delete" with a second step: the question, "Yes, delete" and "Cancel". `what` names the
/// thing in the question and in the button's accessible name.
#[component]
pub fn DeleteButton(#[prop(into)] what: Signal<String>, #[prop(into)] on_confirm: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let asking = RwSignal::new(false);
    let first = NodeRef::<leptos::html::Button>::new();
    let confirm = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |was_asking: Option<bool>| {
        let now_asking = asking.get();
        // Focus follows the step: to "Yes, delete" when asked, back to "Delete" on "Cancel".
        if was_asking.is_some_and(|was| was != now_asking) {
            request_animation_frame(move || {
                let target = if now_asking { confirm.get_untracked() } else { first.get_untracked() };
                if let Some(button) = target {
                    let _ = button.focus();
                }
            });
        }
        now_asking
    });
    view! {
        <Show
            when=move || asking.get()
            fallback=move || {
                view! {
                    <button
                        type="button"
                        class="button button-secondary"
                        node_ref=first
                        aria-label=move || format!("{}: {}", t_string!(i18n, editor.delete), what.get())
                        on:click=move |_| asking.set(true)
                    >
                        {t!(i18n, editor.delete)}
                    </button>
                }
            }
        >
            <div class="delete-confirm" role="group" aria-label=move || t_string!(i18n, editor.delete)>
                <p>{move || t_string!(i18n, editor.delete_question).replace("{what}", &what.get())}</p>
                <button
                    type="button"
                    class="button button-warning"
                    node_ref=confirm
                    on:click=move |_| {
                        asking.set(false);
                        on_confirm.run(());
                    }
                >
                    {t!(i18n, editor.delete_yes)}
                </button>
                " "
                <button type="button" class="button button-secondary" on:click=move |_| asking.set(false)>
                    {t!(i18n, editor.cancel)}
                </button>
            </div>
        </Show>
    }
}

/// A result of a change, shown and announced (`role="status"`), taking focus so keyboard users
/// continue from it. `id` names it for focus.
#[component]
pub fn Outcome(id: &'static str, message: RwSignal<Option<(bool, String)>>) -> impl IntoView {
    view! {
        <div id=id tabindex="-1" role="status">
            {move || {
                message
                    .get()
                    .map(|(ok, text)| {
                        if ok {
                            view! { <p class="panel-success">{text}</p> }.into_any()
                        } else {
                            view! { <p class="status-error">{text}</p> }.into_any()
                        }
                    })
            }}
        </div>
    }
}

/// A message for a failed change that is not about a field: no rights, session ended, network.
pub fn failure_text(i18n: I18n, error: &crate::client::FetchError) -> &'static str {
    use crate::client::FetchError;
    use api::ErrorCode;
    match error {
        FetchError::Server(ErrorCode::Forbidden) => t_string!(i18n, office.forbidden),
        FetchError::Server(ErrorCode::Unauthenticated | ErrorCode::CsrfFailed) => t_string!(i18n, office.session_ended),
        FetchError::Server(ErrorCode::NotFound) => t_string!(i18n, editor.gone),
        FetchError::Network => t_string!(i18n, error_network),
        FetchError::Server(ErrorCode::Unavailable) => t_string!(i18n, error_unavailable),
        _ => t_string!(i18n, error_internal),
    }
}

/// An image for a post's cover or the head's photo: chosen from a file, uploaded at once (PNG or
/// JPEG, up to 5 MB), shown as a preview, removable. `alt` is its description in the page's
/// language, for the preview.
#[component]
pub fn ImageField(
    #[prop(into)] label: Signal<String>,
    image: RwSignal<Option<api::content::Image>>,
    #[prop(into)] alt: Signal<String>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    use crate::client::FetchError;
    let i18n = use_i18n();
    let announcer = crate::a11y::use_announcer();
    let session = crate::office::use_session();
    let slug = crate::editor::use_slug();
    let uploading = RwSignal::new(false);
    let failure = RwSignal::new(None::<&'static str>);
    let field = "file";
    let invalid = has(field.into(), errors);
    let on_change = move |input: web_sys::HtmlInputElement| {
        let Some(file) = input.files().and_then(|list| list.get(0)) else { return };
        // The same file may be chosen again after it was removed.
        input.set_value("");
        uploading.set(true);
        failure.set(None);
        let (slug, csrf) = (slug.get_untracked(), session.csrf());
        leptos::task::spawn_local(async move {
            let result = crate::editor::calls::upload_image(&slug, &file, &csrf).await;
            if uploading.is_disposed() {
                return;
            }
            uploading.set(false);
            errors.update(|e| e.retain(|e| e.field != field));
            match result {
                Ok(uploaded) => {
                    image.set(Some(uploaded));
                    announcer.say(t_string!(i18n, editor.image_uploaded));
                }
                Err(FetchError::Invalid(fields)) => errors.update(|e| e.extend(fields)),
                Err(error) => {
                    let text = failure_text(i18n, &error);
                    failure.set(Some(text));
                    announcer.say(text);
                }
            }
        });
    };
    let remove = move |_| {
        image.set(None);
        announcer.say(t_string!(i18n, editor.image_removed));
        focus_by_id(&field_id(field));
    };
    let preview_alt = move || {
        let alt = alt.get();
        if alt.trim().is_empty() { t_string!(i18n, editor.image_preview).to_owned() } else { alt }
    };
    view! {
        <div class="field" class:field-invalid=invalid>
            <label for=field_id(field)>{label}</label>
            <p class="hint" id="field-file-hint">
                {t!(i18n, editor.image_hint)}
            </p>
            <Message field errors />
            {move || failure.get().map(|text| view! { <p class="field-error-message">{text}</p> })}
            <input
                type="file"
                id=field_id(field)
                accept="image/png,image/jpeg"
                aria-describedby=described(field.into(), errors, true, None)
                aria-invalid=move || invalid().then_some("true")
                on:change:target=move |ev| on_change(ev.target())
            />
            {move || uploading.get().then(|| view! { <p role="status">{t!(i18n, editor.image_uploading)}</p> })}
            {move || {
                image
                    .get()
                    .map(|img| {
                        view! {
                            <div class="image-preview">
                                <img src=img.url alt=preview_alt />
                                <span class="img-alt">{preview_alt}</span>
                                <button type="button" class="button button-secondary" on:click=remove>
                                    {t!(i18n, editor.image_remove)}
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}

/// A date and a time in Astana time, as one field: `field` is the date input, `{field}-time`
/// the time input, and both share the field's message.
#[component]
pub fn DateTimeField(
    field: &'static str,
    #[prop(into)] legend: Signal<String>,
    day: RwSignal<String>,
    time: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = field_id(field);
    let invalid = has(field.into(), errors);
    view! {
        <fieldset class="field" class:field-invalid=invalid>
            <legend>{legend}</legend>
            <p class="hint" id=format!("{id}-hint")>
                {t!(i18n, editor.astana_hint)}
            </p>
            <Message field errors />
            <div class="date-time">
                <div>
                    <label for=id.clone()>{t!(i18n, editor.date)}</label>
                    <input
                        id=id.clone()
                        type="date"
                        aria-describedby=described(field.into(), errors, true, None)
                        aria-invalid=move || invalid().then_some("true")
                        prop:value=move || day.get()
                        on:input:target=move |ev| day.set(ev.target().value())
                    />
                </div>
                <div>
                    <label for=format!("{id}-time")>{t!(i18n, editor.time)}</label>
                    <input
                        id=format!("{id}-time")
                        type="time"
                        aria-describedby=described(field.into(), errors, true, None)
                        aria-invalid=move || invalid().then_some("true")
                        prop:value=move || time.get()
                        on:input:target=move |ev| time.set(ev.target().value())
                    />
                </div>
            </div>
        </fieldset>
    }
}

/// The safe HTML subset the server keeps (crates/server/src/rich_text.rs), as help above the
/// text areas that take it; `id` is what the text areas' `shared_hint` names.
#[component]
pub fn HtmlHelp(id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="hint" id=id>
            {t!(i18n, editor.html_help)}
            " "
            <code>"<p> <br> <ul> <ol> <li> <strong> <em> <b> <i> <blockquote> <a href=\"https://…\">"</code>
            ". "
            {t!(i18n, editor.html_help_rest)}
        </p>
    }
}
