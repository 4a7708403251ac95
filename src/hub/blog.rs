use leptos::prelude::*;

#[component]
pub fn BlogPage() -> impl IntoView {
    view! { <p>"TODO"</p> }
}
