//! The settings bar of the version for the visually impaired: font size, colour scheme,
//! images, letter spacing, line height and font family, each a group of toggle buttons
//! (aria-pressed); reset; and back to the normal version. Escape closes the bar and returns
//! focus to the button that opened it.

use crate::a11y::{self, SETTINGS, use_announcer};
use crate::i18n::*;
use leptos::prelude::*;

/// Whether the special version is on, and whether its bar is open; shared by the switch and the bar.
#[derive(Clone, Copy)]
pub struct SpecialVersion {
    pub on: RwSignal<bool>,
    pub open: RwSignal<bool>,
}

pub fn use_special_version() -> SpecialVersion {
    match use_context::<SpecialVersion>() {
        Some(state) => state,
        None => {
            let on = a11y::special_version_on();
            let state = SpecialVersion { on: RwSignal::new(on), open: RwSignal::new(false) };
            provide_context(state);
            state
        }
    }
}

fn group_name(i18n: leptos_i18n::I18nContext<Locale>, key: &str) -> &'static str {
    match key {
        "font" => t_string!(i18n, a11y.font),
        "scheme" => t_string!(i18n, a11y.scheme),
        "images" => t_string!(i18n, a11y.images),
        "spacing" => t_string!(i18n, a11y.spacing),
        "leading" => t_string!(i18n, a11y.leading),
        _ => t_string!(i18n, a11y.family),
    }
}

fn option_name(i18n: leptos_i18n::I18nContext<Locale>, key: &str, value: &str) -> &'static str {
    match (key, value) {
        ("font", "1") => "A 100%",
        ("font", "2") => "A 125%",
        ("font", "3") => "A 150%",
        ("font", "4") => "A 200%",
        ("font", _) => "A 250%",
        ("scheme", "bw") => t_string!(i18n, a11y.scheme_bw),
        ("scheme", "wb") => t_string!(i18n, a11y.scheme_wb),
        ("scheme", "blue") => t_string!(i18n, a11y.scheme_blue),
        ("scheme", "beige") => t_string!(i18n, a11y.scheme_beige),
        ("scheme", _) => t_string!(i18n, a11y.scheme_green),
        ("images", "on") => t_string!(i18n, a11y.images_on),
        ("images", "off") => t_string!(i18n, a11y.images_off),
        ("images", _) => t_string!(i18n, a11y.images_grey),
        ("family", "sans") => t_string!(i18n, a11y.family_sans),
        ("family", _) => t_string!(i18n, a11y.family_serif),
        (_, "1") => t_string!(i18n, a11y.step_normal),
        (_, "2") => t_string!(i18n, a11y.step_medium),
        _ => t_string!(i18n, a11y.step_large),
    }
}

#[component]
pub fn SpecialVersionBar() -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let state = use_special_version();
    // One signal per setting, so every button knows whether it is pressed.
    let values: Vec<(&'static str, &'static [&'static str], RwSignal<String>)> =
        SETTINGS.iter().map(|(key, options)| (*key, *options, RwSignal::new(a11y::setting(key)))).collect();
    let signals: Vec<RwSignal<String>> = values.iter().map(|(_, _, s)| *s).collect();
    let close = move || {
        state.open.set(false);
        a11y::focus_by_id("special-version-settings");
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            close();
        }
    };
    let reset = move |_| {
        a11y::reset_settings();
        for (signal, (key, _)) in signals.iter().zip(SETTINGS) {
            signal.set(a11y::setting(key));
        }
        announcer.say(t_string!(i18n, a11y.reset_done));
    };
    let normal = move |_| {
        state.on.set(false);
        state.open.set(false);
        a11y::set_special_version(false);
        announcer.say(t_string!(i18n, special_version_off));
        a11y::focus_by_id("special-version-switch");
    };
    view! {
        <section
            id="special-version-bar"
            class="a11y-bar"
            aria-label=move || t_string!(i18n, a11y.bar)
            on:keydown=on_keydown
        >
            <div class="wrap a11y-groups">
                {values
                    .into_iter()
                    .map(|(key, options, value)| {
                        let label_id = format!("a11y-{key}");
                        let labelled_by = label_id.clone();
                        view! {
                            <div class="a11y-group" role="group" aria-labelledby=labelled_by>
                                <span class="a11y-group-name" id=label_id>
                                    {move || group_name(i18n, key)}
                                </span>
                                {options
                                    .iter()
                                    .map(|option| {
                                        let option = *option;
                                        let choose = move |_| {
                                            a11y::set_setting(key, Some(option));
                                            value.set(option.to_owned());
                                            announcer
                                                .say(
                                                    format!(
                                                        "{}: {}",
                                                        group_name(i18n, key),
                                                        option_name(i18n, key, option),
                                                    ),
                                                );
                                        };
                                        view! {
                                            <button
                                                type="button"
                                                class=format!("a11y-option a11y-{key}-{option}")
                                                aria-pressed=move || (value.get() == option).to_string()
                                                on:click=choose
                                            >
                                                {move || option_name(i18n, key, option)}
                                            </button>
                                        }
                                    })
                                    .collect_view()}
                            </div>
                        }
                    })
                    .collect_view()} <div class="a11y-group">
                    <button type="button" class="a11y-option" on:click=reset>
                        {t!(i18n, a11y.reset)}
                    </button>
                    <button type="button" class="a11y-option" on:click=normal>
                        {t!(i18n, a11y.normal_version)}
                    </button>
                </div>
            </div>
        </section>
    }
}
