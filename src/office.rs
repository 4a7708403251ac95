//! The staff office: sign-in, the case lists, a case with the moves its status allows, the
//! working-day calendar and a body's settings. A bundle of its own (crates/api/src/bundles.rs).

pub mod calendar;
pub mod case;
pub mod case_actions;
pub mod cases;
pub mod client;
pub mod home;
pub mod settings;
pub mod shell;

use crate::client::FetchError;
use crate::components::load_error::LoadError;
use crate::i18n::*;
use api::ErrorCode;
use api::staff::{Me, Role};
use leptos::prelude::*;

/// The signed-in staff member; `None` shows the sign-in form in place of any office page.
#[derive(Clone, Copy)]
pub struct Session(pub RwSignal<Option<Me>>);

pub fn use_session() -> Session {
    expect_context::<Session>()
}

impl Session {
    /// The token every change repeats in its `X-CSRF-Token` header.
    pub fn csrf(self) -> String {
        self.0.with_untracked(|me| me.as_ref().map(|m| m.csrf_token.clone()).unwrap_or_default())
    }

    /// Whether the staff member holds one of `roles` in the body (administrators hold them all).
    pub fn may(self, slug: &str, roles: &[Role]) -> bool {
        self.0.with(|me| {
            me.as_ref().is_some_and(|me| {
                me.memberships
                    .iter()
                    .any(|m| m.body.as_str() == slug && (m.role == Role::Administrator || roles.contains(&m.role)))
            })
        })
    }

    pub fn platform_admin(self) -> bool {
        self.0.with(|me| me.as_ref().is_some_and(|me| me.platform_admin))
    }
}

/// Why an office page could not load: "no rights" for a role that does not allow it, "sign in
/// again" for a session that ended, otherwise the site's usual explanation with "Try again".
#[component]
pub fn OfficeLoadError(error: FetchError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    match error {
        FetchError::Server(ErrorCode::Forbidden) => view! {
            <p class="status-error" role="alert">
                {t!(i18n, office.forbidden)}
            </p>
        }
        .into_any(),
        FetchError::Server(ErrorCode::Unauthenticated) => view! {
            <p class="status-error" role="alert">
                {t!(i18n, office.session_ended)}
            </p>
        }
        .into_any(),
        error => view! { <LoadError error on_retry /> }.into_any(),
    }
}
