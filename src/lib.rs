//! The online reception's WebAssembly app: routes, layout and pages.
//!
//! Every page lives under a language prefix (`/kk/...`, `/ru/...`, `/en/...`); `/` picks the
//! saved or browser language, Kazakh by default.

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub mod a11y;
pub mod client;
pub mod components;
pub mod lang;
pub mod pages;
pub mod sections;

use crate::components::layout::CurrentBody;
use crate::i18n::I18nContextProvider;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    a11y::provide_announcer();
    provide_context(CurrentBody::default());
    view! {
        <I18nContextProvider>
            <Router>
                <Routes fallback=pages::not_found::NotFoundPage>
                    <Route path=path!("/") view=pages::root::RootRedirect />
                    <ParentRoute path=path!("/:lang") view=components::layout::LangLayout>
                        <Route path=path!("") view=pages::home::HomePage />
                        <Route path=path!("bodies/:slug") view=pages::body::BodyPage />
                        <Route path=path!("questions/ask") view=pages::ask::AskPage />
                        <Route path=path!("questions/confirm") view=pages::confirm::ConfirmPage />
                        <Route path=path!(":section") view=pages::section::SectionPage />
                        <Route path=path!("*any") view=pages::not_found::NotFoundPage />
                    </ParentRoute>
                </Routes>
            </Router>
        </I18nContextProvider>
    }
}
