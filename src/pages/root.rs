use crate::lang::preferred;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

/// `/`: goes to the home page in the saved or browser language, Kazakh by default.
#[component]
pub fn RootRedirect() -> impl IntoView {
    let navigate = use_navigate();
    Effect::new(move |_| {
        navigate(&format!("/{}", preferred()), NavigateOptions { replace: true, ..Default::default() });
    });
}
