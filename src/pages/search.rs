use leptos::prelude::*;

#[component]
pub fn SearchPage() -> impl IntoView {
    view! { <p>"TODO"</p> }
}
