use leptos::prelude::*;

#[component]
pub fn ScheduleEditorPage() -> impl IntoView {
    view! { <p>"TODO"</p> }
}
