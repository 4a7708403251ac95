use crate::a11y::use_announcer;
use crate::i18n::*;
use leptos::prelude::*;
use std::cell::Cell;

thread_local! {
    /// The first heading after the page loads keeps focus where the browser put it.
    static FIRST_HEADING: Cell<bool> = const { Cell::new(true) };
}

/// The page's one `h1`. It also sets the document title and, after every navigation, moves
/// focus to itself and announces the new page, which the router does not do by itself.
#[component]
pub fn PageHeading(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |_| {
        let text = text.get();
        document().set_title(&format!("{text} — {}", t_string!(i18n, site_short)));
        if heading.get().is_none() || FIRST_HEADING.with(|first| first.replace(false)) {
            return;
        }
        // Suspense builds the page off-document first; focus once it is attached.
        request_animation_frame(move || match crate::a11y::take_focus_request() {
            Some(id) => crate::a11y::focus_by_id(&id),
            None => {
                if let Some(h1) = heading.try_get_untracked().flatten() {
                    let _ = h1.focus();
                }
            }
        });
        announcer.say(text);
    });
    view! {
        <h1 id="page-heading" tabindex="-1" node_ref=heading>
            {text}
        </h1>
    }
}
