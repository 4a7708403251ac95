//! The parent of every office page: loads who is signed in, shows the sign-in form to anyone
//! who is not (the address stays, so the page they asked for opens after signing in), and the
//! office navigation with sign-out to everyone who is.

use crate::a11y::use_announcer;
use crate::client::FetchError;
use crate::components::error_summary::{ErrorSummary, FieldMessage, described_by, has_error};
use crate::components::load_error::LoadError;
use crate::components::page_heading::PageHeading;
use crate::i18n::*;
use crate::lang::use_lang;
use crate::office::{Session, client, use_session};
use api::ErrorCode;
use api::domain::{FieldError, FieldProblem};
use leptos::prelude::*;
use leptos_router::components::{A, Outlet};

#[component]
pub fn OfficeShell() -> impl IntoView {
    let i18n = use_i18n();
    let session = Session(RwSignal::new(None));
    provide_context(session);
    let me = LocalResource::new(client::me);
    let loading = move || view! { <p role="status">{t!(i18n, loading)}</p> };
    view! {
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match me.await {
                    Ok(me) => {
                        session.0.set(Some(me));
                        ().into_any()
                    }
                    Err(FetchError::Server(ErrorCode::Unauthenticated)) => ().into_any(),
                    Err(error) => view! { <LoadError error on_retry=move |_| me.refetch() /> }.into_any(),
                }
            })}
        </Transition>
        {move || {
            if session.0.with(Option::is_some) {
                view! {
                    <OfficeNav />
                    <Outlet />
                }
                    .into_any()
            } else if me.get().is_some_and(|r| matches!(r, Err(FetchError::Server(ErrorCode::Unauthenticated)))) {
                view! { <LoginForm /> }.into_any()
            } else {
                ().into_any()
            }
        }}
    }
}

#[component]
fn OfficeNav() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let session = use_session();
    let announcer = use_announcer();
    let name = move || session.0.with(|me| me.as_ref().map(|m| m.name.clone()).unwrap_or_default());
    let sign_out = move |everywhere: bool| {
        let csrf = session.csrf();
        leptos::task::spawn_local(async move {
            // Signed out on the server or not, this browser forgets the session.
            let _ = client::logout(&csrf, everywhere).await;
            session.0.set(None);
            announcer.say(t_string!(i18n, office.signed_out));
            let _ = window().location().reload();
        });
    };
    view! {
        <nav class="office-nav" aria-label=move || t_string!(i18n, office.nav)>
            <A href=move || format!("/{}/office", lang.get())>{t!(i18n, office.home)}</A>
            <span class="office-user">{t!(i18n, office.signed_in_as)} " " {name}</span>
            <button type="button" class="link-button" on:click=move |_| sign_out(false)>
                {t!(i18n, office.sign_out)}
            </button>
            <button type="button" class="link-button" on:click=move |_| sign_out(true)>
                {t!(i18n, office.sign_out_everywhere)}
            </button>
        </nav>
    }
}

#[component]
fn LoginForm() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let announcer = use_announcer();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let refusal = RwSignal::new(None::<FetchError>);
    let sending = RwSignal::new(false);
    let title = Signal::derive(move || t_string!(i18n, office.login_title).to_owned());

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let mut missing = Vec::new();
        if email.get_untracked().trim().is_empty() {
            missing.push(FieldError { field: "email".into(), problem: FieldProblem::Missing });
        }
        if password.get_untracked().is_empty() {
            missing.push(FieldError { field: "password".into(), problem: FieldProblem::Missing });
        }
        errors.set(missing);
        if !errors.read_untracked().is_empty() {
            return;
        }
        refusal.set(None);
        sending.set(true);
        leptos::task::spawn_local(async move {
            let result = client::login(email.get_untracked().trim().to_owned(), password.get_untracked()).await;
            if sending.is_disposed() {
                return;
            }
            sending.set(false);
            match result {
                Ok(me) => {
                    announcer.say(t_string!(i18n, office.signed_in));
                    session.0.set(Some(me));
                }
                Err(FetchError::Invalid(fields)) => errors.set(fields),
                Err(error) => {
                    password.set(String::new());
                    refusal.set(Some(error));
                    crate::a11y::focus_by_id("login-refusal");
                }
            }
        });
    };
    let refusal_text = move || {
        refusal.get().map(|error| match error {
            FetchError::Server(ErrorCode::LoginFailed) => t_string!(i18n, office.login_failed),
            FetchError::Server(ErrorCode::TooManyAttempts) => t_string!(i18n, office.too_many_attempts),
            FetchError::Network => t_string!(i18n, error_network),
            _ => t_string!(i18n, error_internal),
        })
    };

    view! {
        <PageHeading text=title />
        <p class="lead">{t!(i18n, office.login_intro)}</p>
        <div id="login-refusal" tabindex="-1" role="alert" class:status-error=move || refusal.with(Option::is_some)>
            {refusal_text}
        </div>
        <ErrorSummary errors />
        <form novalidate on:submit=submit>
            <div class="field" class:field-invalid=has_error("email", errors)>
                <label for="field-email">{t!(i18n, office.email)}</label>
                <FieldMessage field="email" errors />
                <input
                    id="field-email"
                    type="email"
                    autocomplete="username"
                    aria-describedby=described_by("email", errors, &[])
                    spellcheck="false"
                    prop:value=move || email.get()
                    on:input:target=move |ev| email.set(ev.target().value())
                />
            </div>
            <div class="field" class:field-invalid=has_error("password", errors)>
                <label for="field-password">{t!(i18n, office.password)}</label>
                <FieldMessage field="password" errors />
                <input
                    id="field-password"
                    type="password"
                    autocomplete="current-password"
                    aria-describedby=described_by("password", errors, &[])
                    prop:value=move || password.get()
                    on:input:target=move |ev| password.set(ev.target().value())
                />
            </div>
            <button type="submit" class="button" aria-disabled=move || sending.get().then_some("true")>
                {t!(i18n, office.sign_in)}
            </button>
        </form>
    }
}
