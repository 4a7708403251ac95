use crate::components::body_list::BodyList;
use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::page_heading::PageHeading;
use crate::i18n::*;
use crate::pages::not_found::NotFoundPage;
use crate::sections::Section;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// One of the six online reception sections: what it is for, and the bodies to choose from.
#[component]
pub fn SectionPage() -> impl IntoView {
    let i18n = use_i18n();
    let lang = crate::lang::use_lang();
    let params = use_params_map();
    let section = Memo::new(move |_| params.read().get("section").and_then(|s| Section::from_slug(&s)));
    move || match section.get() {
        None => view! { <NotFoundPage /> }.into_any(),
        Some(section) => {
            let name = Signal::derive(move || section.name(i18n).to_owned());
            view! {
                <Breadcrumbs current=name />
                <PageHeading text=name />
                <p class="lead">{move || section.about(i18n)}</p>
                {(section == Section::Questions)
                    .then(|| {
                        view! {
                            <p class="call-to-action">
                                <a class="button" href=move || format!("/{}/questions/ask", lang.get())>
                                    {t!(i18n, ask.title)}
                                </a>
                            </p>
                        }
                    })}
                {(section == Section::Appeals).then(|| view! { <AppealsAbout /> })}
                <h2>{t!(i18n, choose_body)}</h2>
                <BodyList section=own_page(section) />
            }
            .into_any()
        }
    }
}

/// The section whose body list leads straight to each body's own page of it; questions and
/// appeals lead to the body's hub, which offers both ways in.
fn own_page(section: Section) -> Option<Section> {
    matches!(section, Section::Blog | Section::Faq | Section::Schedule | Section::Dialogue).then_some(section)
}

/// What an appeal is (and is not), the law's terms, and the three things a citizen can do.
/// The pages themselves are the appeals bundle's, so the links load it.
#[component]
fn AppealsAbout() -> impl IntoView {
    let i18n = use_i18n();
    let lang = crate::lang::use_lang();
    let link = move |page: &'static str| move || format!("/{}/appeals/{page}", lang.get());
    view! {
        <p>{t!(i18n, appeals.landing_what)}</p>
        <p>{t!(i18n, appeals.landing_anonymous)}</p>
        <p>{t!(i18n, appeals.landing_term)}</p>
        <h2>{t!(i18n, appeals.landing_actions)}</h2>
        <ul class="plain-list">
            <li>
                <a class="button" href=link("new") rel="external">
                    {t!(i18n, appeals.new_title)}
                </a>
            </li>
            <li>
                <a href=link("track") rel="external">
                    {t!(i18n, appeals.track_title)}
                </a>
            </li>
            <li>
                <a href=link("my") rel="external">
                    {t!(i18n, appeals.my_title)}
                </a>
            </li>
        </ul>
    }
}
