use crate::a11y::use_announcer;
use crate::client;
use crate::components::load_error::LoadError;
use crate::i18n::*;
use crate::lang::use_lang;
use crate::sections::Section;
use api::{BodyKind, BodySummary, Localized};
use leptos::prelude::*;
use std::time::Duration;

/// All bodies, grouped by kind under `h2` headings, with a box above that narrows them by name.
/// Each links to the body's hub page, or, with `section`, straight to the body's own page of
/// that section (the sections bundle's, so a full load).
#[component]
pub fn BodyList(#[prop(default = None)] section: Option<Section>) -> impl IntoView {
    let i18n = use_i18n();
    let bodies = LocalResource::new(client::bodies);
    let loading = move || view! { <p role="status">{t!(i18n, loading)}</p> };
    view! {
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match bodies.await {
                    Ok(list) => view! { <Filtered bodies=list section /> }.into_any(),
                    Err(error) => view! { <LoadError error on_retry=move || bodies.refetch() /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// Lower case, `ё` as `е`, single spaces: how a name and what is typed are compared.
fn normalized(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase().replace('ё', "е")
}

/// Whether a body's name in any language contains `typed` (already normalized).
fn name_matches(name: &Localized, typed: &str) -> bool {
    typed.is_empty() || [&name.kk, &name.ru, &name.en].iter().any(|n| normalized(n).contains(typed))
}

#[component]
fn Filtered(bodies: Vec<BodySummary>, section: Option<Section>) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    let typed = RwSignal::new(String::new());
    let wanted = Memo::new(move |_| normalized(&typed.read()));
    let bodies = StoredValue::new(bodies);
    let shown = Memo::new(move |_| {
        let wanted = wanted.get();
        bodies.with_value(|all| all.iter().filter(|b| name_matches(&b.name, &wanted)).cloned().collect::<Vec<_>>())
    });
    let count = move || format!("{}: {}", t_string!(i18n, hub.filter_count), shown.read().len());
    // The count is read out once typing pauses, not on every key.
    let typing = StoredValue::new(0u64);
    let on_input = move |value: String| {
        typed.set(value);
        typing.update_value(|n| *n += 1);
        let this = typing.get_value();
        set_timeout(
            move || {
                if typing.try_get_value() == Some(this) {
                    announcer.say(if shown.read_untracked().is_empty() {
                        t_string!(i18n, hub.filter_empty).to_owned()
                    } else {
                        count()
                    });
                }
            },
            Duration::from_millis(800),
        );
    };
    let group = move |kind: BodyKind| {
        move || {
            let of_kind: Vec<BodySummary> = shown.read().iter().filter(|b| b.kind == kind).cloned().collect();
            (!of_kind.is_empty()).then(|| {
                let (id, name) = match kind {
                    BodyKind::Ministry => ("kind-ministry", t_string!(i18n, kind_ministry)),
                    _ => ("kind-akimat", t_string!(i18n, kind_akimat)),
                };
                view! {
                    <section aria-labelledby=id>
                        <h2 id=id>{name}</h2>
                        <Cards bodies=of_kind section />
                    </section>
                }
            })
        }
    };
    view! {
        <div class="field body-filter">
            <label for="body-filter">{t!(i18n, hub.filter_label)}</label>
            <p class="hint" id="body-filter-hint">
                {t!(i18n, hub.filter_hint)}
            </p>
            <input
                type="search"
                id="body-filter"
                autocomplete="off"
                aria-describedby="body-filter-hint body-filter-count"
                prop:value=move || typed.get()
                on:input:target=move |ev| on_input(ev.target().value())
            />
            <p class="hint" id="body-filter-count">
                {count}
            </p>
        </div>
        <Show when=move || shown.read().is_empty()>
            <p class="notice">{t!(i18n, hub.filter_empty)}</p>
        </Show>
        {group(BodyKind::Ministry)}
        {group(BodyKind::Akimat)}
    }
}

#[component]
fn Cards(bodies: Vec<BodySummary>, section: Option<Section>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <ul class="card-list">
            {bodies
                .into_iter()
                .map(|body| {
                    let slug = body.slug.clone();
                    let href = move || match section {
                        Some(section) => format!("/{}/bodies/{slug}/{}", lang.get(), section.slug()),
                        None => format!("/{}/bodies/{slug}", lang.get()),
                    };
                    // A section's own pages are another bundle's: the router leaves the link alone.
                    view! {
                        <li>
                            <a href=href rel=section.map(|_| "external")>
                                {move || body.name.get(lang.get()).to_owned()}
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn astana() -> Localized {
        Localized {
            kk: "Астана қаласының әкімдігі".into(),
            ru: "Акимат города Астаны".into(),
            en: "Akimat of Astana".into(),
        }
    }

    #[test]
    fn a_name_matches_a_fragment_in_any_language_whatever_the_case() {
        for typed in ["ҚАЛАСЫ", "города аст", "akimat OF", "  астаны  ", ""] {
            assert!(name_matches(&astana(), &normalized(typed)), "{typed}");
        }
        assert!(!name_matches(&astana(), &normalized("министерство")));
    }

    #[test]
    fn yo_and_ye_are_the_same_letter() {
        let name = Localized { kk: String::new(), ru: "Объём работ".into(), en: String::new() };
        assert!(name_matches(&name, &normalized("ОБЪЕМ")));
        assert!(name_matches(&Localized { ru: "Объем".into(), ..name }, &normalized("объём")));
    }
}
