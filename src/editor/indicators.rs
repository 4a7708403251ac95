use leptos::prelude::*;

#[component]
pub fn IndicatorsPage() -> impl IntoView {
    view! { <p>"TODO"</p> }
}
