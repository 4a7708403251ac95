//! The head's profile as the blog presents it: name, position and biography per language, and
//! a photo with its description per language.

use crate::a11y::focus_by_id;
use crate::client::FetchError;
use crate::editor::fields::{ImageField, Outcome, Summary, TextField, failure_text};
use crate::editor::{EditorFrame, LangTexts, Part, calls, use_slug};
use crate::i18n::*;
use crate::lang::use_lang;
use crate::office::{OfficeLoadError, use_session};
use api::Lang;
use api::content::{HeadProfile, HeadProfileDraft};
use api::domain::FieldError;
use leptos::prelude::*;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let title = Signal::derive(move || t_string!(i18n, editor.part_profile).to_owned());
    view! {
        <EditorFrame part=Part::Profile title>
            <ProfileLoader />
        </EditorFrame>
    }
}

#[component]
fn ProfileLoader() -> impl IntoView {
    let i18n = use_i18n();
    let slug = use_slug();
    let profile = LocalResource::new(move || {
        let slug = slug.get();
        async move { calls::head(&slug).await }
    });
    let loading = move || view! { <p role="status">{t!(i18n, loading)}</p> };
    view! {
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match profile.await {
                    Ok(current) => view! { <ProfileForm current /> }.into_any(),
                    Err(error) => view! { <OfficeLoadError error on_retry=move |_| profile.refetch() /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn ProfileForm(current: Option<HeadProfile>) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let slug = use_slug();
    let session = use_session();
    let current = current.as_ref();
    let texts = |part: fn(&HeadProfile) -> &api::Localized| LangTexts::new(current.map(part));
    let name = texts(|p| &p.name);
    let position = texts(|p| &p.position);
    let biography = texts(|p| &p.biography);
    let photo = RwSignal::new(current.and_then(|p| p.photo.clone()));
    let alts = LangTexts::new(photo.get_untracked().as_ref().map(|p| &p.alt));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let outcome = RwSignal::new(None::<(bool, String)>);
    let saving = RwSignal::new(false);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let draft = HeadProfileDraft {
            name: name.draft(),
            position: position.draft(),
            biography: biography.draft(),
            photo: photo.get_untracked().map(|p| p.id),
            photo_alt: alts.draft(),
        };
        errors.set(draft.validate().err().unwrap_or_default());
        if !errors.read_untracked().is_empty() {
            return;
        }
        outcome.set(None);
        saving.set(true);
        let (slug, csrf) = (slug.get_untracked(), session.csrf());
        leptos::task::spawn_local(async move {
            let result = calls::save_head(&slug, &draft, &csrf).await;
            if saving.is_disposed() {
                return;
            }
            saving.set(false);
            match result {
                Err(FetchError::Invalid(fields)) => errors.set(fields),
                other => {
                    let message = match other {
                        Ok(_) => (true, t_string!(i18n, editor.saved).to_owned()),
                        Err(error) => (false, failure_text(i18n, &error).to_owned()),
                    };
                    outcome.set(Some(message));
                    focus_by_id("profile-outcome");
                }
            }
        });
    };

    let page_alt = Signal::derive(move || alts.get(lang.get()).get());
    view! {
        <p>
            <a href=move || format!("/{}/bodies/{}/blog", lang.get(), slug.get()) rel="external">
                {t!(i18n, editor.public_blog)}
            </a>
        </p>
        <Outcome id="profile-outcome" message=outcome />
        <Summary errors />
        <form novalidate on:submit=submit>
            <p class="hint">{t!(i18n, editor.languages_hint)}</p>
            {Lang::ALL
                .into_iter()
                .map(|l| {
                    let code = l.code();
                    view! {
                        <fieldset class="field lang-fieldset">
                            <legend lang=code>{l.endonym()}</legend>
                            <TextField
                                field=format!("name.{code}")
                                label=Signal::derive(move || t_string!(i18n, editor.name).to_owned())
                                value=name.get(l)
                                errors
                                lang=l
                            />
                            <TextField
                                field=format!("position.{code}")
                                label=Signal::derive(move || t_string!(i18n, editor.position).to_owned())
                                value=position.get(l)
                                errors
                                lang=l
                            />
                            <TextField
                                field=format!("biography.{code}")
                                label=Signal::derive(move || t_string!(i18n, editor.biography).to_owned())
                                hint=Signal::derive(move || t_string!(i18n, editor.biography_hint).to_owned())
                                value=biography.get(l)
                                errors
                                lang=l
                                rows=10
                            />
                            <Show when=move || photo.with(Option::is_some)>
                                <TextField
                                    field=format!("photo_alt.{code}")
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
            <ImageField
                label=Signal::derive(move || t_string!(i18n, editor.photo).to_owned())
                image=photo
                alt=page_alt
                errors
            />
            <button type="submit" class="button" aria-disabled=move || saving.get().then_some("true")>
                {t!(i18n, editor.save)}
            </button>
        </form>
    }
}
