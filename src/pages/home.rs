use crate::components::body_list::BodyList;
use crate::components::page_heading::PageHeading;
use crate::i18n::*;
use leptos::prelude::*;

/// The site's home: every body this deployment serves, grouped by kind.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageHeading text=Signal::derive(move || t_string!(i18n, home_title).to_owned()) />
        <p class="lead">{t!(i18n, home_intro)}</p>
        <BodyList />
    }
}
