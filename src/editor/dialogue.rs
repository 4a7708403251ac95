use leptos::prelude::*;

#[component]
pub fn DialogueEditorPage() -> impl IntoView {
    view! { <p>"TODO"</p> }
}
