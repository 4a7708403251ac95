use crate::client;
use crate::components::load_error::LoadError;
use crate::i18n::*;
use crate::lang::use_lang;
use api::{BodyKind, BodySummary};
use leptos::prelude::*;

/// All bodies, grouped by kind under `h2` headings, each a link to its hub page.
#[component]
pub fn BodyList() -> impl IntoView {
    let i18n = use_i18n();
    let bodies = LocalResource::new(client::bodies);
    let loading = move || view! { <p role="status">{t!(i18n, loading)}</p> };
    view! {
        <Transition fallback=loading>
            {move || Suspend::new(async move {
                match bodies.await {
                    Ok(list) => view! { <Groups bodies=list /> }.into_any(),
                    Err(error) => view! { <LoadError error on_retry=move || bodies.refetch() /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Groups(bodies: Vec<BodySummary>) -> impl IntoView {
    let i18n = use_i18n();
    let of_kind = |kind| bodies.iter().filter(|b| b.kind == kind).cloned().collect::<Vec<_>>();
    let ministries = of_kind(BodyKind::Ministry);
    let akimats = of_kind(BodyKind::Akimat);
    view! {
        <section aria-labelledby="kind-ministry">
            <h2 id="kind-ministry">{t!(i18n, kind_ministry)}</h2>
            <Cards bodies=ministries />
        </section>
        <section aria-labelledby="kind-akimat">
            <h2 id="kind-akimat">{t!(i18n, kind_akimat)}</h2>
            <Cards bodies=akimats />
        </section>
    }
}

#[component]
fn Cards(bodies: Vec<BodySummary>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <ul class="card-list">
            {bodies
                .into_iter()
                .map(|body| {
                    let href = {
                        let slug = body.slug.clone();
                        move || format!("/{}/bodies/{slug}", lang.get())
                    };
                    view! {
                        <li>
                            <a href=href>{move || body.name.get(lang.get()).to_owned()}</a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
