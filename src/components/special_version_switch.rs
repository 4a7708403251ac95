use crate::a11y::{self, use_announcer};
use crate::components::special_version_bar::use_special_version;
use crate::i18n::*;
use leptos::prelude::*;

/// The switch to the version for the visually impaired, one of the first stops for the keyboard
/// on every page, and, while the version is on, the button that shows or hides its settings bar.
/// The state survives reloads: the pre-paint script applies it before the app loads.
#[component]
pub fn SpecialVersionSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let state = use_special_version();
    let toggle = move |_| {
        let now = !state.on.get_untracked();
        state.on.set(now);
        // Turning it on opens the settings straight away: that is what the citizen came for.
        state.open.set(now);
        a11y::set_special_version(now);
        announcer.say(if now { t_string!(i18n, special_version_on) } else { t_string!(i18n, special_version_off) });
    };
    view! {
        <div class="a11y-switches">
            <button
                type="button"
                id="special-version-switch"
                class="tool-button"
                aria-pressed=move || state.on.get().to_string()
                on:click=toggle
            >
                {t!(i18n, special_version)}
            </button>
            <Show when=move || state.on.get()>
                <button
                    type="button"
                    id="special-version-settings"
                    class="tool-button"
                    aria-expanded=move || state.open.get().to_string()
                    aria-controls="special-version-bar"
                    on:click=move |_| state.open.update(|open| *open = !*open)
                >
                    {t!(i18n, a11y.settings)}
                </button>
            </Show>
        </div>
    }
}
