use crate::a11y::use_announcer;
use crate::components::lang_switch::LangSwitch;
use crate::components::special_version_bar::{SpecialVersionBar, use_special_version};
use crate::components::special_version_switch::SpecialVersionSwitch;
use crate::i18n::*;
use crate::lang::{self, CurrentLang, preferred, use_lang};
use crate::pages::not_found::NotFoundPage;
use crate::sections::Section;
use api::{Lang, Localized};
use leptos::prelude::*;
use leptos_router::components::{A, Outlet};
use leptos_router::hooks::use_params_map;

/// The body whose pages are shown, for the header; `None` on platform-wide pages.
#[derive(Clone, Copy, Default)]
pub struct CurrentBody(pub RwSignal<Option<(String, Localized)>>);

/// The parent of every page: takes the language from the URL and wraps the page in the layout.
/// An unknown prefix gets the not-found page in the citizen's preferred language.
#[component]
pub fn LangLayout() -> impl IntoView {
    let params = use_params_map();
    let from_url = Memo::new(move |_| params.read().get("lang").and_then(|code| code.parse::<Lang>().ok()));
    let lang = Signal::derive(move || from_url.get().unwrap_or_else(preferred));
    let i18n = use_i18n();
    let apply = move |l: Lang| {
        i18n.set_locale(lang::locale(l));
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", l.code());
        }
    };
    // Set the language before the first render, so no other language flashes up.
    apply(lang.get_untracked());
    Effect::new(move |_| {
        apply(lang.get());
        if let Some(l) = from_url.get() {
            lang::save(l);
        }
    });
    provide_context(CurrentLang(lang));
    view! {
        <Layout>
            <Show when=move || from_url.get().is_some() fallback=NotFoundPage>
                <Outlet />
            </Show>
        </Layout>
    }
}

/// The skip link focuses the main content itself: the router would treat it as a navigation.
fn skip_to_main(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    crate::a11y::focus_by_id("main-content");
}

/// Header, sections navigation, main content, footer and the live region, on every page.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let announcer = use_announcer();
    let body = use_context::<CurrentBody>().unwrap_or_default().0;
    let special = use_special_version();
    view! {
        <a class="skip-link" href="#main-content" on:click=skip_to_main>
            {t!(i18n, skip_link)}
        </a>
        <header class="site-header">
            <div class="wrap toolbar">
                <SpecialVersionSwitch />
                <LangSwitch />
            </div>
            <Show when=move || special.on.get() && special.open.get()>
                <SpecialVersionBar />
            </Show>
            <div class="wrap brand">
                <a class="brand-site" href=move || format!("/{}", lang.get())>
                    {t!(i18n, site_name)}
                </a>
                {move || {
                    body.get()
                        .map(|(slug, name)| {
                            view! {
                                <p class="brand-body">
                                    <a href=format!(
                                        "/{}/bodies/{slug}",
                                        lang.get(),
                                    )>{name.get(lang.get()).to_owned()}</a>
                                </p>
                            }
                        })
                }}
            </div>
            <nav class="wrap sections-nav" aria-label=move || t_string!(i18n, sections_nav)>
                <ul>
                    {Section::ALL
                        .into_iter()
                        .map(|section| {
                            view! {
                                <li>
                                    <A href=move || {
                                        format!("/{}/{}", lang.get(), section.slug())
                                    }>{move || section.name(i18n)}</A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
        <main id="main-content" class="wrap" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <div class="wrap">
                <p>{t!(i18n, footer_privacy)}</p>
                <p>
                    <a href=move || format!("/{}/office", lang.get())>{t!(i18n, footer_office)}</a>
                </p>
                <p>
                    <a href="/api/openapi.json" rel="external">
                        {t!(i18n, footer_open_api)}
                    </a>
                </p>
            </div>
        </footer>
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            {announcer.message()}
        </div>
    }
}
