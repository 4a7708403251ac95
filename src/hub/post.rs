use leptos::prelude::*;

#[component]
pub fn PostPage() -> impl IntoView {
    view! { <p>"TODO"</p> }
}
