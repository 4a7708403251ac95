use crate::a11y::{self, use_announcer};
use crate::i18n::*;
use leptos::prelude::*;

/// The switch to the version for the visually impaired, one of the first stops for the keyboard
/// on every page. Its state survives reloads: the pre-paint script applies it before the app loads.
#[component]
pub fn SpecialVersionSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let on = RwSignal::new(a11y::special_version_on());
    let toggle = move |_| {
        let now = !on.get_untracked();
        on.set(now);
        a11y::set_special_version(now);
        announcer.say(if now { t_string!(i18n, special_version_on) } else { t_string!(i18n, special_version_off) });
    };
    view! {
        <button type="button" class="tool-button" aria-pressed=move || on.get().to_string() on:click=toggle>
            {t!(i18n, special_version)}
        </button>
    }
}
