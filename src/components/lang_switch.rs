use crate::i18n::*;
use crate::lang::{switch_path, use_lang};
use api::Lang;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Links to the same page in Kazakh, Russian and English, each named in its own language.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let location = use_location();
    view! {
        <nav class="lang-switch" aria-label=move || t_string!(i18n, lang_switch)>
            <ul>
                {Lang::ALL
                    .into_iter()
                    .map(|target| {
                        let href = move || {
                            let search = location.search.get();
                            let query = if search.is_empty() { String::new() } else { format!("?{search}") };
                            format!("{}{query}", switch_path(&location.pathname.get(), target))
                        };
                        // The router's search has no leading `?`.
                        view! {
                            <li>
                                <a
                                    href=href
                                    hreflang=target.code()
                                    lang=target.code()
                                    aria-current=move || (lang.get() == target).then_some("true")
                                >
                                    {target.endonym()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
