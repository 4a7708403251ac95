//! The online reception's WebAssembly app: routes, layout and pages.
//!
//! Every page lives under a language prefix (`/kk/...`, `/ru/...`, `/en/...`); `/` picks the
//! saved or browser language, Kazakh by default.

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub mod a11y;
pub mod appeals;
pub mod client;
pub mod components;
pub mod editor;
pub mod hub;
pub mod lang;
pub mod office;
pub mod pages;
pub mod sections;

use crate::components::layout::CurrentBody;
use crate::i18n::I18nContextProvider;
use api::bundles::Bundle;
use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

/// What every bundle wraps its routes in: the context all pages share, translations, the router.
#[component]
fn BundleShell(bundle: Bundle, children: Children) -> impl IntoView {
    a11y::provide_announcer();
    provide_context(CurrentBody::default());
    provide_context(bundle);
    view! {
        <I18nContextProvider>
            <Router>{children()}</Router>
        </I18nContextProvider>
    }
}

/// The main bundle: home, bodies, sections.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <BundleShell bundle=Bundle::Main>
            <Routes fallback=pages::elsewhere::ElsewhereOrNotFound>
                <Route path=path!("/") view=pages::root::RootRedirect />
                <ParentRoute path=path!("/:lang") view=components::layout::LangLayout>
                    <Route path=path!("") view=pages::home::HomePage />
                    <Route path=path!("bodies/:slug") view=pages::body::BodyPage />
                    <Route path=path!(":section") view=pages::section::SectionPage />
                    <Route path=path!("*any") view=pages::elsewhere::ElsewhereOrNotFound />
                </ParentRoute>
            </Routes>
        </BundleShell>
    }
}

/// The ask bundle: asking a question and confirming it from the email.
#[component]
pub fn AskApp() -> impl IntoView {
    view! {
        <BundleShell bundle=Bundle::Ask>
            <Routes fallback=pages::elsewhere::ElsewhereOrNotFound>
                <ParentRoute path=path!("/:lang") view=components::layout::LangLayout>
                    <Route path=path!("questions/ask") view=pages::ask::AskPage />
                    <Route path=path!("questions/confirm") view=pages::confirm::ConfirmPage />
                    <Route path=path!("*any") view=pages::elsewhere::ElsewhereOrNotFound />
                </ParentRoute>
            </Routes>
        </BundleShell>
    }
}

/// The archive bundle: a body's published questions and each question's page.
#[component]
pub fn ArchiveApp() -> impl IntoView {
    view! {
        <BundleShell bundle=Bundle::Archive>
            <Routes fallback=pages::elsewhere::ElsewhereOrNotFound>
                <ParentRoute path=path!("/:lang") view=components::layout::LangLayout>
                    <Route path=path!("bodies/:slug/questions") view=pages::archive::ArchivePage />
                    <Route path=path!("questions/:id") view=pages::question::QuestionPage />
                    <Route path=path!("questions/:id/rate") view=pages::rate::RatePage />
                    <Route path=path!("search") view=pages::search::SearchPage />
                    <Route path=path!("*any") view=pages::elsewhere::ElsewhereOrNotFound />
                </ParentRoute>
            </Routes>
        </BundleShell>
    }
}

/// The appeals bundle: filing an appeal step by step, tracking it, and "my appeals". The
/// draft lives above the router, so moving between the wizard's steps never loses it.
#[component]
pub fn AppealsApp() -> impl IntoView {
    appeals::draft::provide_wizard();
    view! {
        <BundleShell bundle=Bundle::Appeals>
            <Routes fallback=pages::elsewhere::ElsewhereOrNotFound>
                <ParentRoute path=path!("/:lang") view=components::layout::LangLayout>
                    <Route path=path!("appeals/new") view=appeals::wizard::NewAppealPage />
                    <Route path=path!("appeals/track") view=appeals::track::TrackPage />
                    <Route path=path!("appeals/my") view=appeals::my::MyAppealsPage />
                    <Route path=path!("*any") view=pages::elsewhere::ElsewhereOrNotFound />
                </ParentRoute>
            </Routes>
        </BundleShell>
    }
}

/// The sections bundle: a body's head and blog, FAQ, reception schedule and open dialogue.
#[component]
pub fn SectionsApp() -> impl IntoView {
    view! {
        <BundleShell bundle=Bundle::Sections>
            <Routes fallback=pages::elsewhere::ElsewhereOrNotFound>
                <ParentRoute path=path!("/:lang") view=components::layout::LangLayout>
                    <Route path=path!("bodies/:slug/blog") view=hub::blog::BlogPage />
                    <Route path=path!("bodies/:slug/blog/:id") view=hub::post::PostPage />
                    <Route path=path!("bodies/:slug/faq") view=hub::faq::FaqPage />
                    <Route path=path!("bodies/:slug/schedule") view=hub::schedule::SchedulePage />
                    <Route path=path!("bodies/:slug/dialogue") view=hub::dialogue::DialoguePage />
                    <Route path=path!("*any") view=pages::elsewhere::ElsewhereOrNotFound />
                </ParentRoute>
            </Routes>
        </BundleShell>
    }
}

/// The editor bundle: the office's pages for what a body publishes besides answers.
#[component]
pub fn EditorApp() -> impl IntoView {
    view! {
        <BundleShell bundle=Bundle::Editor>
            <Routes fallback=pages::elsewhere::ElsewhereOrNotFound>
                <ParentRoute path=path!("/:lang") view=components::layout::LangLayout>
                    <ParentRoute path=path!("office") view=office::shell::OfficeShell>
                        <Route path=path!(":slug/blog") view=editor::posts::PostListPage />
                        <Route path=path!(":slug/blog/new") view=editor::post::PostEditPage />
                        <Route path=path!(":slug/blog/:id") view=editor::post::PostEditPage />
                        <Route path=path!(":slug/profile") view=editor::profile::ProfilePage />
                        <Route path=path!(":slug/faq") view=editor::faq::FaqEditorPage />
                        <Route path=path!(":slug/schedule") view=editor::schedule::ScheduleEditorPage />
                        <Route path=path!(":slug/dialogue") view=editor::dialogue::DialogueEditorPage />
                        <Route path=path!(":slug/indicators") view=editor::indicators::IndicatorsPage />
                        <Route path=path!("*any") view=pages::elsewhere::ElsewhereOrNotFound />
                    </ParentRoute>
                    <Route path=path!("*any") view=pages::elsewhere::ElsewhereOrNotFound />
                </ParentRoute>
            </Routes>
        </BundleShell>
    }
}

/// The office bundle: staff sign-in and everything under `/{lang}/office`.
#[component]
pub fn OfficeApp() -> impl IntoView {
    view! {
        <BundleShell bundle=Bundle::Office>
            <Routes fallback=pages::elsewhere::ElsewhereOrNotFound>
                <ParentRoute path=path!("/:lang") view=components::layout::LangLayout>
                    <ParentRoute path=path!("office") view=office::shell::OfficeShell>
                        <Route path=path!("") view=office::home::OfficeHome />
                        <Route path=path!("calendar") view=office::calendar::CalendarPage />
                        <Route path=path!("cases/:id") view=office::case::CasePage />
                        <Route path=path!(":slug/cases") view=office::cases::CaseListPage />
                        <Route path=path!(":slug/settings") view=office::settings::SettingsPage />
                        <Route path=path!("*any") view=pages::not_found::NotFoundPage />
                    </ParentRoute>
                    <Route path=path!("*any") view=pages::elsewhere::ElsewhereOrNotFound />
                </ParentRoute>
            </Routes>
        </BundleShell>
    }
}
