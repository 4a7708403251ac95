use leptos::prelude::*;

#[component]
pub fn PostEditPage() -> impl IntoView {
    view! { <p>"TODO"</p> }
}
