use leptos::prelude::*;

#[component]
pub fn DialoguePage() -> impl IntoView {
    view! { <p>"TODO"</p> }
}
