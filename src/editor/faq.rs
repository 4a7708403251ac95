use leptos::prelude::*;

#[component]
pub fn FaqEditorPage() -> impl IntoView {
    view! { <p>"TODO"</p> }
}
