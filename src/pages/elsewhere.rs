use crate::pages::not_found::NotFoundPage;
use api::bundles::{Bundle, bundle_for_path};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The last route of each bundle: a path the other bundle renders is handed to the browser as
/// a full load (replacing the history entry the router just made); anything else is not found.
#[component]
pub fn ElsewhereOrNotFound() -> impl IntoView {
    let this = use_context::<Bundle>().unwrap_or(Bundle::Main);
    let location = use_location();
    let path = location.pathname.get_untracked();
    if bundle_for_path(&path) != this {
        // The router's search and hash come without their `?` and `#`.
        let with = |mark: char, part: String| {
            if part.is_empty() || part.starts_with(mark) { part } else { format!("{mark}{part}") }
        };
        let search = with('?', location.search.get_untracked());
        let hash = with('#', location.hash.get_untracked());
        let target = format!("{path}{search}{hash}");
        let _ = window().location().replace(&target);
        return ().into_any();
    }
    view! { <NotFoundPage /> }.into_any()
}
