use leptos::prelude::*;

#[component]
pub fn PostListPage() -> impl IntoView {
    view! { <p>"TODO"</p> }
}
