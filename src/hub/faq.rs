use leptos::prelude::*;

#[component]
pub fn FaqPage() -> impl IntoView {
    view! { <p>"TODO"</p> }
}
